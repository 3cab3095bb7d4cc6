/** Words and symbols every renderer shares, so the three platforms read alike. */
import type { KeyFactType } from '../core/schemas.ts';

export const KEY_FACT_LABELS: Record<KeyFactType, { emoji: string; label: string }> = {
  money: { emoji: '💰', label: 'Amounts' },
  percent: { emoji: '📊', label: 'Percentages' },
  date: { emoji: '📅', label: 'Dates' },
  time: { emoji: '🕒', label: 'Times' },
  count: { emoji: '👥', label: 'Counts' },
  person: { emoji: '👤', label: 'People' },
  organization: { emoji: '🏛️', label: 'Organisations' },
  place: { emoji: '📍', label: 'Places' },
};

/** "24 Nov 2026, 08:00 UTC" — one unambiguous format for every platform. */
export function formatTimestamp(iso: string, timeZone = 'UTC'): string {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(d);
  return `${date}, ${time}`;
}

/** "5 of 23 sentences" — how much the summary condensed. */
export function condensedNote(shown: number, total: number): string {
  return `${shown} of ${total} sentence${total === 1 ? '' : 's'}`;
}
