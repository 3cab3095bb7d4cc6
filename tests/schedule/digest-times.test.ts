import { describe, expect, it } from 'vitest';
import {
  cronPattern,
  dueOccurrence,
  localDate,
  nextRun,
  parseWeekdays,
} from '../../src/schedule/digest-times.ts';

const H = 3_600_000;

describe('parseWeekdays', () => {
  it('understands the ways people write days', () => {
    expect(parseWeekdays(undefined)).toBe('*');
    expect(parseWeekdays('daily')).toBe('*');
    expect(parseWeekdays('weekdays')).toBe('MON-FRI');
    expect(parseWeekdays('weekends')).toBe('SAT,SUN');
    expect(parseWeekdays('mon-fri')).toBe('MON-FRI');
    expect(parseWeekdays('Mon, Wed,friday')).toBe('MON,WED,FRI');
    expect(parseWeekdays('funday')).toBeUndefined();
    expect(parseWeekdays('mon-someday')).toBeUndefined();
  });
});

describe('schedule arithmetic', () => {
  it('builds a cron pattern from HH:MM and days', () => {
    expect(cronPattern({ time: '07:05', timezone: 'UTC', weekdays: 'MON-FRI' })).toBe('5 7 * * MON-FRI');
  });

  it('fires at the local time in two zones', () => {
    const paris = { time: '07:30', timezone: 'Europe/Paris', weekdays: '*' };
    const tokyo = { time: '07:30', timezone: 'Asia/Tokyo', weekdays: '*' };
    const from = new Date('2026-11-25T00:00:00Z');
    expect(nextRun(paris, from)?.toISOString()).toBe('2026-11-25T06:30:00.000Z');
    expect(nextRun(tokyo, from)?.toISOString()).toBe('2026-11-25T22:30:00.000Z');
    // The Tokyo digest at 22:30 UTC belongs to the 26th in Tokyo.
    expect(localDate(new Date('2026-11-25T22:30:00Z'), 'Asia/Tokyo')).toBe('2026-11-26');
  });

  it('follows daylight saving time changes', () => {
    const ny = { time: '07:30', timezone: 'America/New_York', weekdays: '*' };
    // US clocks go back on 2026-11-01: 07:30 EDT = 11:30Z before, 07:30 EST = 12:30Z after.
    expect(nextRun(ny, new Date('2026-10-31T12:00:00Z'))?.toISOString()).toBe('2026-11-01T12:30:00.000Z');
    expect(nextRun(ny, new Date('2026-10-30T12:00:00Z'))?.toISOString()).toBe('2026-10-31T11:30:00.000Z');
    // Europe springs forward on 2026-03-29: 02:30 does not exist in Paris that day; it runs at 03:00 local.
    const paris = { time: '02:30', timezone: 'Europe/Paris', weekdays: '*' };
    expect(nextRun(paris, new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('skips days that are not in the schedule', () => {
    const weekdays = { time: '08:00', timezone: 'UTC', weekdays: 'MON-FRI' };
    // 2026-11-27 is a Friday; the next run after Friday 09:00 is Monday the 30th.
    expect(nextRun(weekdays, new Date('2026-11-27T09:00:00Z'))?.toISOString()).toBe(
      '2026-11-30T08:00:00.000Z',
    );
  });

  it('knows when a digest is due, within the catch-up window only', () => {
    const s = { time: '07:30', timezone: 'Europe/Paris', weekdays: '*' };
    const opts = { catchUpMs: 3 * H };
    expect(dueOccurrence(s, new Date('2026-11-25T06:29:59Z'), opts)).toBeUndefined();
    expect(dueOccurrence(s, new Date('2026-11-25T06:30:00Z'), opts)).toEqual({
      scheduledAt: new Date('2026-11-25T06:30:00Z'),
      localDate: '2026-11-25',
    });
    expect(dueOccurrence(s, new Date('2026-11-25T09:29:00Z'), opts)?.localDate).toBe('2026-11-25');
    expect(dueOccurrence(s, new Date('2026-11-25T09:31:00Z'), opts)).toBeUndefined();
  });

  it('does not count a time that passed before the subscription existed', () => {
    const s = { time: '07:30', timezone: 'UTC', weekdays: '*' };
    const now = new Date('2026-11-25T08:00:00Z');
    expect(
      dueOccurrence(s, now, { catchUpMs: 3 * H, notBefore: new Date('2026-11-25T07:45:00Z') }),
    ).toBeUndefined();
    expect(
      dueOccurrence(s, now, { catchUpMs: 3 * H, notBefore: new Date('2026-11-25T07:00:00Z') }),
    ).toBeDefined();
  });
});
