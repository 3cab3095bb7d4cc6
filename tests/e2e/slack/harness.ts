/**
 * One Briefer Slack bot, for real, on 127.0.0.1: the Bolt app (HTTP or Socket Mode) started by
 * `startSlackBot`, its Web API pointed at a fake Slack, its replies going to a fake response_url
 * server, its log captured in memory. Tests drive it with signed requests, as Slack would.
 */
import type { SlackBot } from '../../../src/adapters/slack/start.ts';
import { startSlackBot } from '../../../src/adapters/slack/start.ts';
import { createSlackClient } from '../../../src/adapters/slack/web-client.ts';
import { type App, createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import type { News } from '../../../src/core/schemas.ts';
import type { Logger } from '../../../src/log.ts';
import { DigestService } from '../../../src/schedule/digest-service.ts';
import { SlackPoster } from '../../../src/schedule/slack-poster.ts';
import type { NewsSource } from '../../../src/sources/source.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import { type MemoryLog, memoryLog } from '../../fakes/slack/memory-log.ts';
import { makeNews, memorySource } from '../../fakes/slack/news.ts';
import { type FakeResponseUrls, startFakeResponseUrls } from '../../fakes/slack/response-url.ts';
import { blockActionBody, postSigned, slashCommandBody } from '../../fakes/slack/signed-request.ts';

export const SIGNING_SECRET = 'test-signing-secret-8f2a1c';
export const BOT_TOKEN = 'xoxb-test-bot-token-1234';
export const APP_TOKEN = 'xapp-test-app-token-5678';

export interface HarnessOptions {
  news?: News | (() => News);
  source?: NewsSource;
  socketMode?: boolean;
  env?: Record<string, string>;
  /** Level of the captured log (default debug; the benchmark uses warn). */
  logLevel?: string;
  /**
   * Replies in flight from which a reply ready at once goes in the ack. Default: never, so a test's
   * path does not depend on how fast the machine delivers; 0 puts every ready reply in the ack.
   */
  busyAt?: number;
}

export interface CommandResult {
  /** The HTTP response to the slash command: the ack. */
  ack: Response;
  ackBody: string;
  /** The response URL id the command carried (for `replies`). */
  responseId: string;
}

export interface SlackHarness {
  slack: FakeSlack;
  responses: FakeResponseUrls;
  log: MemoryLog;
  app: App;
  bot: SlackBot;
  /** `http://127.0.0.1:PORT` of the bot. */
  baseUrl: string;
  /** Posts a signed slash command, as Slack would. */
  command(command: string, text?: string, fields?: Record<string, string>): Promise<CommandResult>;
  /** Posts a signed button click. */
  click(actionId: string, value: string, fields?: { channel_id?: string }): Promise<CommandResult>;
  /**
   * Waits until the bot has delivered everything it acked, then returns the reply as the user sees it:
   * the message the ack carried, if any, then what reached the response URL.
   */
  replies(responseId: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const slack = await startFakeSlack();
  const responses = await startFakeResponseUrls();
  const log = memoryLog(options.logLevel ?? 'debug');
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    ...(options.socketMode ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    SLACK_API_URL: slack.apiUrl,
    SLACK_DIGEST_ADMINS: 'U0ADMIN',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const source = options.source ?? memorySource(options.news ?? makeNews());
  const app = createApp(config, { logger: log.logger, source });
  let bot: SlackBot;
  try {
    bot = await startSlackBot(app, {
      autoReconnect: false,
      busyAt: options.busyAt ?? Number.POSITIVE_INFINITY,
    });
  } catch (error) {
    await Promise.all([slack.close(), responses.close()]);
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${bot.port}`;
  const events = `${baseUrl}/slack/events`;
  /** Messages carried by acks, by response URL id. */
  const inAck = new Map<string, Record<string, unknown>>();
  const remember = (responseId: string, ackBody: string) => {
    const message = ackMessage(ackBody);
    if (message) inAck.set(responseId, message);
  };

  return {
    slack,
    responses,
    log,
    app,
    bot,
    baseUrl,
    async command(command, text = '', fields = {}) {
      const responseUrl = responses.url();
      const responseId = responseUrl.split('/').at(-1) as string;
      const body = slashCommandBody({ command, text, response_url: responseUrl, ...fields });
      const ack = await postSigned(events, SIGNING_SECRET, body);
      const ackBody = await ack.text();
      remember(responseId, ackBody);
      return { ack, ackBody, responseId };
    },
    async click(actionId, value, fields = {}) {
      const responseUrl = responses.url();
      const responseId = responseUrl.split('/').at(-1) as string;
      const body = blockActionBody({ actionId, value, response_url: responseUrl, ...fields });
      const ack = await postSigned(events, SIGNING_SECRET, body);
      return { ack, ackBody: await ack.text(), responseId };
    },
    async replies(responseId) {
      await bot.settled();
      const first = inAck.get(responseId);
      return [...(first ? [first] : []), ...responses.postsTo(responseId).map((p) => p.body)];
    },
    async close() {
      await bot.stop();
      await Promise.all([slack.close(), responses.close()]);
    },
  };
}

/** The message an ack body carries (JSON with text or blocks), if it carries one. */
/** Gives the harness's bot a daily digest (in-memory store, posting through the fake Slack) for `/digest`. */
export async function attachDigests(h: SlackHarness, logger: Logger): Promise<DigestService> {
  const service = await DigestService.open({
    dbPath: ':memory:',
    briefings: h.app.briefings,
    taxonomy: h.app.taxonomy,
    posters: { slack: new SlackPoster(createSlackClient(h.app.config.env, logger)) },
    logger,
    catchUpMs: 3 * 3_600_000,
  });
  h.app.digests = service;
  return service;
}

export function ackMessage(body: string): Record<string, unknown> | undefined {
  if (!body.startsWith('{')) return undefined;
  const parsed = JSON.parse(body) as Record<string, unknown>;
  return 'text' in parsed || 'blocks' in parsed ? parsed : undefined;
}
