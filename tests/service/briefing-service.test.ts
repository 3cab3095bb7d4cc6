import { describe, expect, it } from 'vitest';
import { createCategorizer } from '../../src/core/categorizer.ts';
import { SourceError } from '../../src/core/errors.ts';
import { type News, NewsSchema } from '../../src/core/schemas.ts';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import { createLogger } from '../../src/log.ts';
import { BriefingService } from '../../src/service/briefing-service.ts';
import { staleNotices } from '../../src/service/stale-notices.ts';
import type { NewsSource } from '../../src/sources/source.ts';

const taxonomy = loadTaxonomy();
const categorizer = createCategorizer(taxonomy);
const news = (lead: string, headlines: string[]): News =>
  NewsSchema.parse({ story: { paragraphs: [lead] }, headlines: headlines.map((title) => ({ title })) });

/** A source whose next answers the test decides. */
class ScriptedSource implements NewsSource {
  readonly name = 'scripted';
  loads = 0;
  constructor(private readonly answers: Array<News | Error>) {}
  async load(): Promise<News> {
    this.loads++;
    const next = this.answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  }
}

function service(source: NewsSource, now: () => Date = () => new Date('2026-11-25T08:00:00Z')) {
  return new BriefingService({ source, categorizer, taxonomy, logger: createLogger('silent'), now });
}

describe('BriefingService', () => {
  it('loads once and answers from cache', async () => {
    const source = new ScriptedSource([news('Lead one.', ['Stocks rise'])]);
    const s = service(source);
    const a = await s.get();
    const b = await s.get();
    expect(a.briefing).toBe(b.briefing);
    expect(source.loads).toBe(1);
    expect(a.stale).toBeUndefined();
  });

  it('shares one load between concurrent callers', async () => {
    const source = new ScriptedSource([news('Lead.', [])]);
    const s = service(source);
    await Promise.all([s.get(), s.get(), s.get()]);
    expect(source.loads).toBe(1);
  });

  it('builds one briefing per summary length, from the same news', async () => {
    const s = service(new ScriptedSource([news('One. Two. Three. Four. Five.', [])]));
    expect((await s.get({ sentences: 2 })).briefing.lead.summary).toHaveLength(2);
    expect((await s.get({ sentences: 4 })).briefing.lead.summary).toHaveLength(4);
  });

  it('keeps the last good news when a refresh fails, and says how old it is', async () => {
    let t = Date.parse('2026-11-25T08:00:00Z');
    const source = new ScriptedSource([
      news('Good lead.', ['Good headline']),
      new SourceError('SOURCE_NETWORK', 'feeds', 'timed out'),
    ]);
    const s = service(source, () => new Date(t));
    await s.get();
    t += 2 * 3_600_000;
    await s.refresh();
    const result = await s.get();
    expect(result.briefing.lead.summary[0]?.text).toBe('Good lead.');
    expect(result.stale?.error).toBe('feeds: timed out');
    expect(staleNotices(result, new Date(t))[0]).toMatch(/from 2 h ago: feeds: timed out/);
  });

  it('recovers on the next good refresh', async () => {
    const source = new ScriptedSource([news('Old.', []), new Error('boom'), news('New.', [])]);
    const s = service(source);
    await s.get();
    await s.refresh();
    await s.refresh();
    const result = await s.get();
    expect(result.stale).toBeUndefined();
    expect(result.briefing.lead.summary[0]?.text).toBe('New.');
  });

  it('throws the source error when there has never been good news', async () => {
    const s = service(new ScriptedSource([new SourceError('SOURCE_EMPTY', 'x.txt', 'the file is empty')]));
    await expect(s.get()).rejects.toThrow('x.txt: the file is empty');
  });

  it('before any news has loaded, does not fetch again for every reader: retries back off', async () => {
    let t = Date.parse('2026-11-25T08:00:00Z');
    const down = () => new SourceError('SOURCE_UNREADABLE', 'https://feeds.example/rss', 'HTTP 503');
    const source = new ScriptedSource([down(), down(), down(), news('Back.', ['Feed is back'])]);
    const s = service(source, () => new Date(t));
    const failsWith = async (loads: number) => {
      await expect(s.get()).rejects.toThrow(/HTTP 503/);
      expect(source.loads).toBe(loads);
    };
    await failsWith(1);
    await failsWith(1); // same error, no second fetch
    t += 5_000;
    await failsWith(2);
    t += 5_000;
    await failsWith(2); // the wait doubled to 10 s
    t += 5_000;
    await failsWith(3);
    t += 20_000;
    expect((await s.get()).briefing.lead.summary[0]?.text).toBe('Back.');
    expect(source.loads).toBe(4);
  });

  it('keeps answering with the last briefing while the next one is built, and swaps it in whole', async () => {
    // Enough stories that building takes several slices (it yields to the event loop between them).
    const many = Array.from({ length: 1000 }, (_, i) => `Story number ${i} about topic ${i * 7919}`);
    const source = new ScriptedSource([news('First lead.', ['Old headline']), news('Second lead.', many)]);
    const s = service(source);
    const first = (await s.get()).briefing;
    const refreshing = s.refresh();
    const seen: string[] = [];
    let done = false;
    void refreshing.then(() => {
      done = true;
    });
    while (!done) {
      const b = (await s.get()).briefing;
      seen.push(b === first ? 'old' : `new:${b.headlines.length}`);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const after = (await s.get()).briefing;
    // Readers got the old briefing while the new one was built (more than once: the build yields)…
    expect(seen.filter((x) => x === 'old').length).toBeGreaterThan(1);
    // …and never a half-built one; afterwards the new one, built before it was put in use.
    expect(seen.every((x) => x === 'old' || x === `new:${after.headlines.length}`)).toBe(true);
    expect(after.headlines.length).toBe(1000);
    expect(JSON.stringify(after.lead.summary)).toContain('Second lead.');
  });

  it('treats news that cannot be built into a briefing as a failed refresh and keeps the last one', async () => {
    const breaking = {
      categorize(headline: string) {
        if (headline.includes('poison')) throw new Error('categorizer failed');
        return categorizer.categorize(headline);
      },
    };
    const source = new ScriptedSource([
      news('Good lead.', ['Fine headline']),
      news('Bad lead.', ['A poison headline']),
    ]);
    let t = Date.parse('2026-11-25T08:00:00Z');
    const s = new BriefingService({
      source,
      categorizer: breaking,
      taxonomy,
      logger: createLogger('silent'),
      now: () => {
        t += 60_000;
        return new Date(t);
      },
    });
    const good = (await s.get()).briefing;
    await s.refresh();
    const after = await s.get();
    expect(after.briefing).toBe(good);
    expect(after.stale?.error).toBeTruthy();
  });
});
