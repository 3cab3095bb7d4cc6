/**
 * Daily digest throughput: how many channels one process posts a full briefing to per minute, against
 * the fake Discord and fake Slack on loopback (real discord.js REST client, real Slack Web API client,
 * real runner and SQLite ledger). The fakes impose no rate limits, so this is the process's own
 * ceiling; the platforms' limits (quoted in the README) are the real bound.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDigestSlackClient } from '../src/adapters/slack/web-client.ts';
import { loadConfig } from '../src/config.ts';
import { buildBriefing } from '../src/core/briefing.ts';
import { createCategorizer } from '../src/core/categorizer.ts';
import { loadTaxonomy } from '../src/core/taxonomy.ts';
import { createLogger } from '../src/log.ts';
import { DigestService } from '../src/schedule/digest-service.ts';
import { DiscordPoster } from '../src/schedule/discord-poster.ts';
import { SlackPoster } from '../src/schedule/slack-poster.ts';
import { startFakeDiscord } from '../tests/fakes/discord/fake-discord.ts';
import { startFakeSlack } from '../tests/fakes/slack/fake-slack.ts';
import { makeNews } from '../tests/fakes/slack/news.ts';
import type { Row } from './table.ts';

const CHANNELS = 200;

export async function benchDigest(): Promise<Row[]> {
  const taxonomy = loadTaxonomy();
  const logger = createLogger('silent');
  const briefing = buildBriefing(makeNews({ headlines: 30 }), {
    source: 'bench',
    categorizer: createCategorizer(taxonomy),
    taxonomy,
  });
  const discord = await startFakeDiscord();
  const slack = await startFakeSlack();
  const rows: Row[] = [];
  try {
    for (const platform of ['discord', 'slack'] as const) {
      const env = loadConfig({
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: slack.apiUrl,
      }).env;
      const ids = Array.from({ length: CHANNELS }, (_, i) =>
        platform === 'discord' ? `${800000000000000000n + BigInt(i)}` : `C0BENCH${i}`,
      );
      const service = await DigestService.open({
        dbPath: join(mkdtempSync(join(tmpdir(), 'briefer-bench-')), 'b.db'),
        briefings: { get: async () => ({ briefing }) },
        taxonomy,
        posters:
          platform === 'discord'
            ? { discord: DiscordPoster.create(discord.token, { api: discord.apiBase }) }
            : { slack: new SlackPoster(createDigestSlackClient(env, logger)) },
        logger,
        catchUpMs: 3 * 3_600_000,
        configured: { channels: ids.map((id) => `${platform}:${id}`), time: '07:30', timezone: 'UTC' },
        now: () => new Date('2026-11-25T07:30:00Z'),
      });
      const started = performance.now();
      const outcomes = await service.tick();
      const ms = performance.now() - started;
      const sent = outcomes.filter((o) => o.status === 'sent');
      const messages = sent.reduce((n, o) => n + (o.status === 'sent' ? o.messageIds.length : 0), 0);
      rows.push({
        platform,
        channels: sent.length,
        messages,
        'total ms': Math.round(ms),
        'channels / min (process ceiling)': Math.round((sent.length / ms) * 60_000),
      });
      await service.stop();
    }
  } finally {
    await discord.close();
    await slack.close();
  }
  return rows;
}
