import { describe, expect, it } from 'vitest';
import { formatAge } from '../../src/render/age.ts';

const at = '2026-11-25T12:00:00.000Z';
const ago = (ms: number) => new Date(Date.parse(at) - ms).toISOString();
const MIN = 60_000;

describe('formatAge (relative to the briefing time, so output is deterministic)', () => {
  it('says minutes under an hour and hours under a day', () => {
    expect(formatAge(ago(35 * MIN), at)).toBe('35 min ago');
    expect(formatAge(ago(2 * 60 * MIN + 59 * MIN), at)).toBe('2 h ago');
    expect(formatAge(ago(23 * 60 * MIN), at)).toBe('23 h ago');
  });

  it('says just now under a minute, and for items stamped after the briefing', () => {
    expect(formatAge(ago(20_000), at)).toBe('just now');
    expect(formatAge(ago(-5 * MIN), at)).toBe('just now');
  });

  it('past a day counts calendar days (UTC): yesterday, days up to a week, then the date', () => {
    expect(formatAge(ago(30 * 60 * MIN), at)).toBe('yesterday');
    expect(formatAge('2026-11-24T00:10:00Z', at)).toBe('yesterday');
    // 40 h before 02:30 is two calendar days back, not "yesterday".
    expect(formatAge('2026-11-28T10:30:00Z', '2026-11-30T02:30:00Z')).toBe('2 days ago');
    expect(formatAge(ago(3 * 24 * 60 * MIN), at)).toBe('3 days ago');
    expect(formatAge('2026-11-12T09:00:00Z', at)).toBe('12 Nov');
  });

  it('gives nothing when the time is missing or unreadable', () => {
    expect(formatAge(undefined, at)).toBeUndefined();
    expect(formatAge('not a date', at)).toBeUndefined();
  });
});
