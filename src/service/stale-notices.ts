import type { BriefingResult } from './briefing-provider.ts';

/** "This briefing is 2 h 5 min old: …" when the latest refresh failed; nothing otherwise. */
export function staleNotices(result: BriefingResult, now = new Date()): string[] {
  if (!result.stale) return [];
  return [
    `These are the last good news, from ${formatAge(now.getTime() - result.stale.since.getTime())} ago: ${result.stale.error}`,
  ];
}

export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}
