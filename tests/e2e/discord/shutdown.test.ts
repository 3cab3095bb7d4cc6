/**
 * Stopping the gateway (SIGTERM in `npm start`) while a command is being answered: the answer is
 * finished — deferred, then edited with the briefing — before the client disconnects.
 */
import { afterEach, expect, it } from 'vitest';
import { GatedSource, smallNews } from '../../fakes/discord/news.ts';
import { type Bot, startBot } from './harness.ts';

const CALLBACK = 'POST /interactions/:id/:token/callback';
const EDIT = 'PATCH /webhooks/:applicationId/:token/messages/:messageId';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** Checks again as log lines arrive; the test's timeout is the only clock. */
async function logged(b: Bot, msg: string): Promise<void> {
  while (!b.log.entries().some((e) => e.msg === msg)) await new Promise((r) => setTimeout(r, 20));
}

it('finishes an interaction in flight before the gateway closes', async () => {
  const source = new GatedSource(smallNews());
  bot = await startBot({ source, deferAfterMs: 100 });
  const { fake } = bot;
  const i = await fake.dispatchCommand('brief');
  await fake.waitForRequest((r) => r.route === CALLBACK && r.params.token === i.token);

  const gateway = bot.running.find((r) => r.name === 'discord-gateway');
  let stopped = false;
  const stopping = gateway?.stop().then(() => {
    stopped = true;
  });
  await logged(bot, 'finishing interactions in flight');
  expect(stopped).toBe(false);
  source.release();
  await stopping;

  // By the time stop() resolved, the deferred answer had been edited with the briefing.
  const edit = fake.requestsFor(i).find((r) => r.route === EDIT);
  expect(edit?.status).toBe(200);
  expect(JSON.stringify(edit?.body)).toContain('Ports agree a $5 billion green shipping fund');
  expect(bot.log.entries().map((e) => e.msg)).toContain('discord gateway stopped');
});
