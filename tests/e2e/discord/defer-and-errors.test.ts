/**
 * Slow and failing commands through the real bot: a briefing that takes longer than the defer
 * threshold is deferred then edited; a failing source reaches the user as a short ephemeral
 * message and the log as a full record, and the bot keeps answering.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { failingSource, GatedSource, smallNews } from '../../fakes/discord/news.ts';
import { type Bot, startBot } from './harness.ts';

const CALLBACK = 'POST /interactions/:id/:token/callback';
const EDIT = 'PATCH /webhooks/:applicationId/:token/messages/:messageId';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('slow answers', () => {
  it('defers first (type 5), then edits the original with the briefing', async () => {
    const source = new GatedSource(smallNews());
    bot = await startBot({ source, deferAfterMs: 100 });
    const { fake } = bot;
    const i = await fake.dispatchCommand('brief');

    const deferred = await fake.waitForRequest((r) => r.route === CALLBACK && r.params.token === i.token);
    // Public "Briefer is thinking…" (no ephemeral flag).
    expect(deferred.body).toMatchObject({ type: 5 });
    expect((deferred.body as { data?: { flags?: number } }).data?.flags ?? 0).toBe(0);
    expect(fake.requestsFor(i).some((r) => r.route === EDIT)).toBe(false);

    source.release();
    const answer = await fake.waitForAnswer(i);
    expect(answer.callbackType).toBe(5);
    const edit = answer.requests.find((r) => r.route === EDIT);
    expect(edit?.params.messageId).toBe('@original');
    expect(edit?.status).toBe(200);
    expect(edit?.body).toMatchObject({ allowed_mentions: { parse: [] }, content: '' });
    expect((answer.message?.embeds[0] as { title?: string } | undefined)?.title).toBe(
      'Ports agree a $5 billion green shipping fund',
    );
  });

  it('when a deferred command fails, removes the public placeholder and tells only the user', async () => {
    const source = new GatedSource(smallNews());
    bot = await startBot({ source, deferAfterMs: 100 });
    const { fake } = bot;
    const i = await fake.dispatchCommand('story');
    await fake.waitForRequest((r) => r.route === CALLBACK && r.params.token === i.token);
    source.fail(new Error('feed timed out at 10.0.0.7'));

    const answer = await fake.waitForAnswer(i);
    expect(answer.requests.map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(answer.message?.flags).toBe(64);
    expect(JSON.stringify(answer.message?.embeds)).not.toContain('10.0.0.7');
  });
});

describe('errors', () => {
  it('a failing command answers with a short ephemeral message; the log gets the whole error; the bot stays up', async () => {
    bot = await startBot({ source: failingSource(new Error('disk on fire in /var/lib/news')) });
    const { fake, log } = bot;
    const answer = await fake.waitForAnswer(await fake.dispatchCommand('brief'));
    expect(answer.callbackType).toBe(4);
    expect(answer.message?.flags).toBe(64);
    const shown = JSON.stringify(answer.message?.embeds);
    expect(shown).toContain('Something went wrong');
    expect(shown).not.toContain('disk on fire');

    const failed = log.entries().find((e) => e.msg === 'command failed');
    expect(failed).toMatchObject({ level: 50, command: 'brief', platform: 'discord' });
    const err = failed?.err as { message: string; stack: string };
    expect(err.message).toBe('disk on fire in /var/lib/news');
    expect(err.stack).toContain('defer-and-errors.test.ts');

    const help = await fake.waitForAnswer(await fake.dispatchCommand('help'));
    expect(help.callbackType).toBe(4);
  });

  it('keeps running when Discord rejects an answer (the interaction expired)', async () => {
    bot = await startBot({ source: failingSource(new Error('unused')) });
    const { fake, log } = bot;
    fake.failNext(CALLBACK, { status: 404, body: { message: 'Unknown interaction', code: 10062 }, times: 2 });
    const i = await fake.dispatchCommand('help');
    await fake.waitForRequest((r) => r.route === CALLBACK && r.params.token === i.token && r.seq > 0);
    await expect
      .poll(() => log.entries().some((e) => e.msg === 'could not tell the user about the failure'))
      .toBe(true);
    const failed = log.entries().find((e) => e.msg === 'discord interaction failed');
    expect(JSON.stringify(failed)).toContain('Unknown interaction');
    expect(log.text).not.toContain(i.token);

    const next = await fake.waitForAnswer(await fake.dispatchCommand('help'));
    expect(next.callbackType).toBe(4);
  });
});
