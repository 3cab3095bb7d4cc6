import { describe, expect, it } from 'vitest';
import { decodeShareValue, encodeShareValue } from '../../../src/adapters/slack/share-value.ts';
import { SLACK } from '../../../src/render/limits.ts';

describe('share button value', () => {
  it('round-trips the command and its argument text', () => {
    const value = encodeShareValue({ command: 'headlines', text: 'markets "and more"' });
    expect(value).toBeDefined();
    expect(decodeShareValue(value)).toEqual({ command: 'headlines', text: 'markets "and more"' });
  });

  it('gives no value when it would not fit Slack’s 2,000 characters', () => {
    expect(encodeShareValue({ command: 'brief', text: 'x'.repeat(SLACK.actionValue) })).toBeUndefined();
  });

  it('refuses anything Briefer did not write', () => {
    for (const junk of [
      undefined,
      42,
      '',
      'not json',
      '{}',
      '{"c":"../etc","t":""}',
      '{"c":"brief","t":7}',
      '[1]',
    ]) {
      expect(decodeShareValue(junk)).toBeUndefined();
    }
  });
});
