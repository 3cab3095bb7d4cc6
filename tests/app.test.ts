/** The composition root passes configuration through to the parts that use it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { FIXTURE_NOW, type NewsServer, startNewsServer } from './fakes/news-server.ts';

let server: NewsServer;
beforeAll(async () => {
  server = await startNewsServer({ '/feed.rss': { file: 'harbor-wire.rss' } });
});
afterAll(async () => {
  await server.close();
});

describe('createApp', () => {
  it('reads feeds with the configured User-Agent', async () => {
    const app = createApp(
      loadConfig({
        BRIEFER_SOURCE: server.url('/feed.rss'),
        BRIEFER_USER_AGENT: 'Briefer/test (+https://newsroom.example/contact)',
      }),
      // The fixture feeds are dated around FIXTURE_NOW; the test must not age.
      { logger: createLogger('silent'), now: () => FIXTURE_NOW },
    );
    await app.briefings.refresh({ throwOnError: true });
    expect(server.requests.map((r) => r.headers['user-agent'])).toContain(
      'Briefer/test (+https://newsroom.example/contact)',
    );
    expect(app.source.name).toMatch(/feed|Harbor|127\.0\.0\.1/i);
  });

  it('builds every command context with the same briefings, taxonomy and digest', () => {
    const app = createApp(loadConfig({}), { logger: createLogger('silent') });
    const ctx = app.context('console', { user: { id: 'u1' } });
    expect(ctx.briefings).toBe(app.briefings);
    expect(ctx.taxonomy).toBe(app.taxonomy);
    expect(ctx.commands.map((c) => c.definition.name)).toEqual(
      app.registry.list().map((c) => c.definition.name),
    );
    expect(ctx.digests).toBeUndefined();
    const digests = { subscribe: () => ({}) } as unknown as NonNullable<typeof app.digests>;
    app.digests = digests;
    expect(app.context('slack').digests).toBe(digests);
  });
});
