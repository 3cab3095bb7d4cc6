import type { News } from '../core/schemas.ts';

/** Where the day's news comes from. `load` returns validated News or throws a SourceError. */
export interface NewsSource {
  /** Shown to users as the briefing's source ("sample", a file name, "3 feeds"). */
  readonly name: string;
  load(options?: { signal?: AbortSignal }): Promise<News>;
}
