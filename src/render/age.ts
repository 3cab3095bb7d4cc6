/**
 * How old a headline is, in words ("35 min ago", "2 h ago", "yesterday"). Measured against the
 * briefing's `generatedAt`, not the clock, so the same briefing always renders the same text.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now" (under a minute, or stamped after the briefing: feeds' clocks drift), "35 min ago",
 * "2 h ago" (under a day), then by calendar day (UTC, like the footer): "yesterday", "3 days ago" (up to
 * a week), then the date ("12 Nov"). Undefined when either time is missing or unreadable.
 */
export function formatAge(publishedAt: string | undefined, generatedAt: string): string | undefined {
  if (!publishedAt) return undefined;
  const then = Date.parse(publishedAt);
  const now = Date.parse(generatedAt);
  if (Number.isNaN(then) || Number.isNaN(now)) return undefined;
  const age = now - then;
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  const days = Math.floor(now / DAY) - Math.floor(then / DAY);
  if (days <= 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(then);
}
