/** The metrics registry: what each recording shows in the Prometheus text, and no state shared between instances. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { runCommand } from '../src/commands/dispatch.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { Metrics } from '../src/metrics.ts';

const line = (text: string, prefix: string) => text.split('\n').find((l) => l.startsWith(prefix));

describe('Metrics', () => {
  it('records commands with a latency histogram, digest posts, feed fetches and store operations', async () => {
    const m = new Metrics({ processMetrics: false });
    m.commandServed('slack', 'brief', 'ok', 0.02);
    m.commandServed('slack', 'brief', 'ok', 3);
    m.digestPost('discord', 'posted');
    m.digestPost('discord', 'retryable');
    m.feedFetch('not_modified');
    await m.timeStore('ping', () => undefined);
    await expect(m.timeStore('claim', () => Promise.reject(new Error('locked')))).rejects.toThrow('locked');
    const text = await m.text();
    expect(
      line(text, 'briefer_command_duration_seconds_count{platform="slack",command="brief",outcome="ok"}'),
    ).toMatch(/ 2$/);
    expect(
      line(
        text,
        'briefer_command_duration_seconds_bucket{le="0.025",platform="slack",command="brief",outcome="ok"}',
      ),
    ).toMatch(/ 1$/);
    expect(line(text, 'briefer_digest_posts_total{platform="discord",outcome="posted"}')).toMatch(/ 1$/);
    expect(line(text, 'briefer_digest_posts_total{platform="discord",outcome="retryable"}')).toMatch(/ 1$/);
    expect(line(text, 'briefer_feed_fetches_total{outcome="not_modified"}')).toMatch(/ 1$/);
    expect(line(text, 'briefer_store_duration_seconds_count{operation="ping",outcome="ok"}')).toMatch(/ 1$/);
    expect(line(text, 'briefer_store_duration_seconds_count{operation="claim",outcome="error"}')).toMatch(
      / 1$/,
    );
    expect(m.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('reports the briefing age once news has loaded', async () => {
    let loadedAt: Date | undefined;
    const m = new Metrics({ processMetrics: false, now: () => Date.parse('2026-11-24T12:00:30Z') });
    m.watchBriefing(() => loadedAt);
    expect(line(await m.text(), 'briefer_briefing_age_seconds ')).toBe('briefer_briefing_age_seconds Nan');
    loadedAt = new Date('2026-11-24T12:00:00Z');
    expect(line(await m.text(), 'briefer_briefing_age_seconds ')).toBe('briefer_briefing_age_seconds 30');
  });

  it('keeps each registry to itself: two instances, two sets of counts, process metrics in each', async () => {
    const a = new Metrics();
    const b = new Metrics();
    a.feedFetch('failed');
    expect(line(await a.text(), 'briefer_feed_fetches_total{outcome="failed"}')).toMatch(/ 1$/);
    expect(line(await b.text(), 'briefer_feed_fetches_total{outcome="failed"}')).toBeUndefined();
    expect(await b.text()).toContain('briefer_process_cpu_seconds_total');
  });

  it('counts every command runCommand serves, by platform, name and outcome', async () => {
    const app = createApp(loadConfig({}), { logger: createLogger('silent') });
    app.metrics = new Metrics({ processMetrics: false });
    await runCommand(app.registry, 'headlines', {}, app.context('discord'));
    await runCommand(app.registry, 'headlines', { category: 'no-such-category' }, app.context('discord'));
    const text = await app.metrics.text();
    expect(
      line(
        text,
        'briefer_command_duration_seconds_count{platform="discord",command="headlines",outcome="ok"}',
      ),
    ).toMatch(/ 1$/);
    expect(
      line(
        text,
        'briefer_command_duration_seconds_count{platform="discord",command="headlines",outcome="error"}',
      ),
    ).toMatch(/ 1$/);
  });
});
