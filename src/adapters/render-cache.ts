/**
 * Rendered replies, made once per briefing version and reused: a thousand people asking `/brief` of the
 * same briefing get the same blocks or embeds, built once. The briefing object is the version (the
 * briefing service builds a new one on every refresh), so entries of an old briefing go with it
 * (WeakMap); each version keeps at most `maxPerBriefing` renderings (command, options, page…).
 * A reply without a briefing (help, errors) is rendered every time. Cached values are shared: callers
 * must copy before changing them.
 */
import type { Reply } from '../core/reply.ts';

const DEFAULT_MAX_PER_BRIEFING = 256;

export class RenderCache {
  readonly #byBriefing = new WeakMap<object, Map<string, unknown>>();
  /** Renderings made and reused, for tests and benchmarks. */
  readonly stats = { made: 0, reused: 0 };

  constructor(private readonly maxPerBriefing = DEFAULT_MAX_PER_BRIEFING) {}

  /** `make()`'s result for this reply and `key` (everything else the rendering depends on). */
  render<T>(reply: Reply, key: string, make: () => T): T {
    const briefing = 'briefing' in reply.view ? reply.view.briefing : undefined;
    if (!briefing) return make();
    const view = reply.view.kind === 'headlines' ? `headlines:${reply.view.category ?? ''}` : reply.view.kind;
    // The headline limits shape the rendering too (one process has one set, but a view may carry another).
    const limits = 'limits' in reply.view ? (reply.view.limits ?? null) : null;
    const full = JSON.stringify([view, limits, reply.visibility, reply.notices ?? [], key]);
    let entries = this.#byBriefing.get(briefing);
    if (!entries) {
      entries = new Map();
      this.#byBriefing.set(briefing, entries);
    }
    if (entries.has(full)) {
      this.stats.reused++;
      return entries.get(full) as T;
    }
    this.stats.made++;
    const made = make();
    entries.set(full, made);
    // Oldest first out: a Map iterates in insertion order.
    if (entries.size > this.maxPerBriefing) entries.delete(entries.keys().next().value as string);
    return made;
  }
}
