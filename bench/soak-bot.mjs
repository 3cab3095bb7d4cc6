/**
 * The bot's side of the soak (bench/soak.ts), in its own process and from the compiled build, as `npm
 * start` runs Briefer: what is measured is Briefer's memory, not the news server's or tsx's. The parent
 * serves the feed and the articles and moves the clock; over IPC this process asks for each round, then
 * refreshes, builds the briefing and renders it for Slack and Discord (through the render cache).
 */
import { createApp } from '../dist/src/app.js';
import { loadConfig } from '../dist/src/config.js';
import { createLogger } from '../dist/src/log.js';
import { renderDiscordMessages } from '../dist/src/render/discord.js';
import { renderSlackMessages } from '../dist/src/render/slack.js';

const mb = (bytes) => Number((bytes / 1024 / 1024).toFixed(1));
/** Waits for the parent's answer to one message. */
const ask = (message) =>
  new Promise((resolve) => {
    process.once('message', resolve);
    process.send(message);
  });

const { feedUrl, rounds, reportEvery, start, stepMs } = await ask({ type: 'hello' });
let now = new Date(start);
const config = loadConfig({ BRIEFER_SOURCE: feedUrl, LOG_LEVEL: 'silent' });
const app = createApp(config, { logger: createLogger('silent'), now: () => now });
const started = performance.now();
let peak = 0;
for (let round = 0; round < rounds; round++) {
  now = new Date(now.getTime() + stepMs);
  await ask({ type: 'round', round, now: now.toISOString() });
  await app.briefings.refresh({ throwOnError: true });
  const { briefing } = await app.briefings.get();
  const reply = { view: { kind: 'brief', briefing }, visibility: 'public' };
  app.renderCache.render(reply, 'slack:', () => renderSlackMessages(reply, app.taxonomy));
  app.renderCache.render(reply, 'discord', () => renderDiscordMessages(reply, app.taxonomy));
  const { rss, heapUsed } = process.memoryUsage();
  peak = Math.max(peak, rss);
  if (round === 0 || (round + 1) % reportEvery === 0) {
    // With --expose-gc: what is really kept (the heap after a full collection).
    globalThis.gc?.();
    const after = process.memoryUsage();
    process.send({
      type: 'row',
      row: {
        refreshes: round + 1,
        rss_mb: mb(rss),
        heap_used_mb: mb(heapUsed),
        ...(globalThis.gc ? { heap_after_gc_mb: mb(after.heapUsed) } : {}),
        heap_total_mb: mb(after.heapTotal),
        external_mb: mb(after.external),
        peak_rss_mb: mb(peak),
        seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
        lead_from_article: briefing.lead.url?.includes(`/article/${round}/`) ? 'yes' : 'no',
      },
    });
  }
}
app.briefings.stop();
process.send({ type: 'done' });
process.disconnect();
