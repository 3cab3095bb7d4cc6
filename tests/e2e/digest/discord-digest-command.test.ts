/** `/digest` through the real Discord gateway adapter: subscribe, status, off, and refusal for members. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.ts';
import { DigestService } from '../../../src/schedule/digest-service.ts';
import { DiscordPoster } from '../../../src/schedule/discord-poster.ts';
import { ADMIN_PERMISSIONS } from '../../fakes/discord/interactions.ts';
import { smallNews, staticSource } from '../../fakes/discord/news.ts';
import { type Bot, startBot } from '../discord/harness.ts';

let bot: Bot;
let digest: DigestService;
beforeAll(async () => {
  bot = await startBot({ source: staticSource(smallNews()) });
  digest = await DigestService.open({
    dbPath: join(mkdtempSync(join(tmpdir(), 'briefer-e2e-')), 'briefer.db'),
    briefings: bot.app.briefings,
    taxonomy: bot.app.taxonomy,
    posters: { discord: DiscordPoster.create(bot.fake.token, { api: bot.fake.apiBase }) },
    logger: createLogger('silent'),
    catchUpMs: 3 * 3_600_000,
  });
  bot.app.digests = digest;
});
afterAll(async () => {
  await digest.stop();
  await bot.stop();
});

type Embed = { title?: string; description?: string };
const embedsOf = (answer: Awaited<ReturnType<Bot['fake']['waitForAnswer']>>) =>
  (answer.message?.embeds ?? []) as Embed[];

describe('/digest on Discord', () => {
  it('lets a server manager turn it on, see the status and turn it off, privately', async () => {
    const admin = { permissions: ADMIN_PERMISSIONS };
    const on = await bot.fake.waitForAnswer(
      await bot.fake.dispatchCommand(
        'digest',
        {
          action: 'on',
          time: '08:15',
          timezone: 'Europe/Paris',
          weekdays: 'weekdays',
          categories: 'markets,trade',
        },
        admin,
      ),
    );
    expect(on.message?.flags).toBe(64);
    expect(JSON.stringify(embedsOf(on))).toMatch(/Posts on mon-fri at 08:15 \(Europe\/Paris\)/);
    const channel = bot.fake.place.channelId;
    expect((await digest.status('discord', channel)).subscription).toMatchObject({
      time: '08:15',
      timezone: 'Europe/Paris',
      weekdays: 'MON-FRI',
      categories: ['markets', 'trade'],
      createdBy: bot.fake.place.user.id,
    });

    const status = await bot.fake.waitForAnswer(
      await bot.fake.dispatchCommand('digest', { action: 'status' }, admin),
    );
    expect(JSON.stringify(embedsOf(status))).toMatch(/Next digest/);

    const off = await bot.fake.waitForAnswer(
      await bot.fake.dispatchCommand('digest', { action: 'off' }, admin),
    );
    expect(JSON.stringify(embedsOf(off))).toMatch(/no longer get the daily digest/);
    expect((await digest.status('discord', channel)).subscription).toBeUndefined();
  });

  it('refuses members who cannot manage the server, and changes nothing', async () => {
    const answer = await bot.fake.waitForAnswer(
      await bot.fake.dispatchCommand('digest', { action: 'on', time: '09:00', timezone: 'UTC' }),
    );
    expect(answer.message?.flags).toBe(64);
    expect(JSON.stringify(answer.message)).toMatch(/[Mm]anage/);
    expect((await digest.status('discord', bot.fake.place.channelId)).subscription).toBeUndefined();
  });

  it('explains a bad time zone', async () => {
    const answer = await bot.fake.waitForAnswer(
      await bot.fake.dispatchCommand(
        'digest',
        { action: 'on', timezone: 'Paris' },
        { permissions: ADMIN_PERMISSIONS },
      ),
    );
    expect(JSON.stringify(answer.message)).toMatch(/IANA zone/);
  });

  it('is registered for server managers only', async () => {
    const { toDiscordCommand } = await import('../../../src/adapters/discord/command-definitions.ts');
    const def = bot.app.registry.get('digest')?.definition;
    if (!def) throw new Error('no /digest command');
    expect(toDiscordCommand(def).default_member_permissions).toBe(String(1n << 5n));
  });
});
