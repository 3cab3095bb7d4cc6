import { describe, expect, it } from 'vitest';
import { parseTextArgs } from '../../src/commands/parse-text-args.ts';
import type { CommandDefinition } from '../../src/core/command-definition.ts';
import { usageOf } from '../../src/core/command-definition.ts';
import { UsageError } from '../../src/core/errors.ts';

const story: CommandDefinition = {
  name: 'story',
  description: 'd',
  options: [{ name: 'sentences', description: 's', type: 'integer', minValue: 1, maxValue: 10 }],
};
const digest: CommandDefinition = {
  name: 'digest',
  description: 'd',
  options: [
    {
      name: 'action',
      description: 'a',
      type: 'string',
      required: true,
      choices: [
        { name: 'on', value: 'on' },
        { name: 'off', value: 'off' },
      ],
    },
    { name: 'time', description: 't', type: 'string' },
    { name: 'preview', description: 'p', type: 'boolean' },
  ],
};

describe('parseTextArgs', () => {
  it('fills options positionally or by name in any of the usual spellings', () => {
    expect(parseTextArgs(story, '')).toEqual({});
    expect(parseTextArgs(story, '5')).toEqual({ sentences: 5 });
    expect(parseTextArgs(story, 'sentences:5')).toEqual({ sentences: 5 });
    expect(parseTextArgs(story, 'sentences=5')).toEqual({ sentences: 5 });
    expect(parseTextArgs(story, '--sentences 5')).toEqual({ sentences: 5 });
    expect(parseTextArgs(digest, 'on time:07:30 preview')).toEqual({
      action: 'on',
      time: '07:30',
      preview: true,
    });
    expect(parseTextArgs(digest, 'on --preview false')).toEqual({ action: 'on', preview: false });
  });

  it('keeps quoted values together, straight or curly', () => {
    const def: CommandDefinition = {
      name: 'h',
      description: 'd',
      options: [{ name: 'category', description: 'c', type: 'string' }],
    };
    expect(parseTextArgs(def, '"climate change"')).toEqual({ category: 'climate change' });
    expect(parseTextArgs(def, 'category:“sport news”')).toEqual({ category: 'sport news' });
  });

  it('explains bad input with a usage line', () => {
    const cases: Array<[CommandDefinition, string, RegExp]> = [
      [story, 'five', /sentences must be a whole number, not "five"\. Usage: \/story \[sentences\]/],
      [story, '0', /sentences must be at least 1/],
      [story, '11', /sentences must be at most 10/],
      [story, '3 4', /unexpected "4"/],
      [story, 'sentences:3 sentences:4', /sentences given twice/],
      [digest, '', /action is required\. Usage: \/digest <action> \[time\] \[preview\]/],
      [digest, 'maybe', /action must be one of on, off/],
    ];
    for (const [def, text, message] of cases) {
      expect(() => parseTextArgs(def, text)).toThrow(UsageError);
      expect(() => parseTextArgs(def, text)).toThrow(message);
    }
  });

  it('writes usage lines with required and optional options', () => {
    expect(usageOf(digest)).toBe('/digest <action> [time] [preview]');
  });
});
