/**
 * Schedule arithmetic for the daily digest, delegated to croner (IANA zones, DST gaps and overlaps):
 * when is a channel's digest due, and which local day is it for.
 */
import { Cron } from 'croner';
import type { Subscription } from '../store/subscriptions.ts';

export type ScheduleFields = Pick<Subscription, 'time' | 'timezone' | 'weekdays'>;

const DAY_NAMES: Record<string, string> = {
  sun: 'SUN',
  sunday: 'SUN',
  mon: 'MON',
  monday: 'MON',
  tue: 'TUE',
  tues: 'TUE',
  tuesday: 'TUE',
  wed: 'WED',
  wednesday: 'WED',
  thu: 'THU',
  thur: 'THU',
  thurs: 'THU',
  thursday: 'THU',
  fri: 'FRI',
  friday: 'FRI',
  sat: 'SAT',
  saturday: 'SAT',
};

/**
 * A person's weekday spec → cron day-of-week field: "daily"/"every day" → "*", "weekdays" → "MON-FRI",
 * "weekends" → "SAT,SUN", "mon-fri", "mon,wed,fri", "Tuesday". Undefined for anything else.
 */
export function parseWeekdays(spec: string | undefined): string | undefined {
  const s = (spec ?? '').trim().toLowerCase();
  if (!s || s === 'daily' || s === 'every day' || s === 'everyday' || s === 'all' || s === '*') return '*';
  if (s === 'weekdays' || s === 'workdays') return 'MON-FRI';
  if (s === 'weekends' || s === 'weekend') return 'SAT,SUN';
  const parts = s.split(/\s*,\s*/);
  const out: string[] = [];
  for (const part of parts) {
    const range = /^([a-z]+)\s*-\s*([a-z]+)$/.exec(part);
    if (range) {
      const a = DAY_NAMES[range[1] ?? ''];
      const b = DAY_NAMES[range[2] ?? ''];
      if (!a || !b) return undefined;
      out.push(`${a}-${b}`);
      continue;
    }
    const day = DAY_NAMES[part];
    if (!day) return undefined;
    out.push(day);
  }
  return [...new Set(out)].join(',');
}

export function cronPattern(s: ScheduleFields): string {
  const [hh, mm] = s.time.split(':');
  return `${Number(mm)} ${Number(hh)} * * ${s.weekdays}`;
}

function job(s: ScheduleFields): Cron {
  return new Cron(cronPattern(s), { timezone: s.timezone, paused: true });
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function nextRun(s: ScheduleFields, after: Date): Date | undefined {
  return job(s).nextRun(after) ?? undefined;
}

/**
 * The occurrence a channel should have posted by `now`, if any: the latest scheduled time at or before
 * `now`, provided it is within the catch-up window and not before `notBefore` (a new subscription
 * waits for its next scheduled time instead of posting at once).
 */
export function dueOccurrence(
  s: ScheduleFields,
  now: Date,
  options: {
    catchUpMs: number;
    notBefore?: Date;
    /** Latest run per schedule, shared by the channels of one tick (most share a few schedules). */
    cache?: Map<string, Date | undefined>;
  },
): { scheduledAt: Date; localDate: string } | undefined {
  const key = `${s.time}|${s.timezone}|${s.weekdays}`;
  let last = options.cache?.get(key);
  if (!options.cache?.has(key)) {
    // previousRuns excludes `now` itself; look from a millisecond later so an on-time tick counts.
    [last] = job(s).previousRuns(1, new Date(now.getTime() + 1));
    options.cache?.set(key, last);
  }
  if (!last) return undefined;
  if (now.getTime() - last.getTime() > options.catchUpMs) return undefined;
  if (options.notBefore && last.getTime() < options.notBefore.getTime()) return undefined;
  return { scheduledAt: last, localDate: localDate(last, s.timezone) };
}
