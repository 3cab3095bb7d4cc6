import type { Briefing } from '../core/schemas.ts';

export interface BriefingResult {
  briefing: Briefing;
  /** Set when the latest refresh failed and this briefing comes from the last good news. */
  stale?: { since: Date; error: string };
}

/** What commands ask for the day's briefing; the service behind it caches and refreshes. */
export interface BriefingProvider {
  get(options?: { sentences?: number }): Promise<BriefingResult>;
}
