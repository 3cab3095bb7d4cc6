/**
 * The `briefer` command line: the chat views (brief, story, headlines) and the batch tools
 * (summarize, categorize) used by scripts and the eval harness. Logs go to stderr, results to stdout.
 * Exit codes: 0 ok, 2 bad input or configuration (one line on stderr, no stack trace), 1 a bug.
 */
import { parseArgs } from 'node:util';
import { type App, createApp } from '../app.ts';
import { runCommand } from '../commands/dispatch.ts';
import type { CommandArgs } from '../commands/types.ts';
import { loadConfig } from '../config.ts';
import { BrieferError, UsageError } from '../core/errors.ts';
import { createLogger } from '../log.ts';
import { briefingToJson } from '../render/briefing-json.ts';
import { briefingMarkdown, headlinesMarkdown, storyMarkdown } from '../render/markdown.ts';
import { renderText } from '../render/text.ts';
import { categorizeBatch, categorizeLines } from './categorize-command.ts';
import { summarizeBatch, summarizeOne } from './summarize-command.ts';

export const HELP = `briefer — the day's news, briefed

Usage:
  briefer brief     [--source S] [--format text|json|markdown] [--sentences N]
  briefer story     [--source S] [--format text|json|markdown] [--sentences N]
  briefer headlines [--source S] [--format text|json|markdown] [--category ID]
  briefer summarize [--sentences N] [--json]     one article on stdin
  briefer summarize --jsonl                      {"id","text","sentences"} per line → {"id","summary"}
  briefer categorize                             one headline per line → one JSON line each
  briefer categorize --jsonl                     {"id","title","summary"?} per line → {"id","category","confidence","scores"}
  briefer digest    --channel slack:C0123|discord:ID   post the daily digest there now (a preview)

Options:
  --source S      sample (default), a digest .txt or .json file, feed URLs (comma-separated),
                  a feeds .json file or an OPML export (env BRIEFER_SOURCE)
  --format F      text (default), json or markdown
  --sentences N   sentences in the summary (1-20, default 3)
  --category ID   only headlines of this category (id or label)
  --channel P:ID  a Slack or Discord channel, e.g. slack:C0123 or discord:112233
  -h, --help      this help`;

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

export async function runCli(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      source: { type: 'string' },
      format: { type: 'string', default: 'text' },
      sentences: { type: 'string' },
      category: { type: 'string' },
      channel: { type: 'string' },
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...extra] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command || values.help ? 0 : 2;
  }
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}" (see briefer --help)`);

  const sentences = values.sentences === undefined ? undefined : parseSentences(values.sentences);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);

  switch (command) {
    case 'summarize':
      return values.jsonl
        ? summarizeBatch(process.stdin, process.stdout, sentences ?? 3).then(() => 0)
        : summarizeOne(process.stdin, process.stdout, { sentences: sentences ?? 3, json: values.json });
    case 'categorize': {
      const app = makeApp(values.source);
      await (values.jsonl ? categorizeBatch : categorizeLines)(
        process.stdin,
        process.stdout,
        app.categorizer,
      );
      return 0;
    }
    case 'brief':
    case 'story':
    case 'headlines': {
      const app = makeApp(values.source);
      // Load now so a broken source is a clean exit 2, not an error reply.
      await app.briefings.refresh({ throwOnError: true });
      const args: CommandArgs = command === 'headlines' ? { category: values.category } : { sentences };
      const reply = await runCommand(app.registry, command, args, app.context('cli'));
      process.stdout.write(`${formatReply(app, reply, format)}\n`);
      return reply.view.kind === 'message' && reply.view.tone === 'error' ? 2 : 0;
    }
    case 'digest':
      return postDigestNow(makeApp(values.source), values.channel);
    default:
      throw new UsageError(`unknown command "${command}" (see briefer --help)`);
  }
}

async function postDigestNow(app: App, channel: string | undefined): Promise<number> {
  const m = /^(slack|discord):([A-Za-z0-9]+)$/.exec(channel ?? '');
  if (!m) throw new UsageError('digest needs --channel slack:C0123 or --channel discord:112233');
  const platform = m[1] as 'slack' | 'discord';
  const token = platform === 'slack' ? app.config.env.SLACK_BOT_TOKEN : app.config.env.DISCORD_TOKEN;
  if (!token)
    throw new UsageError(
      `${platform === 'slack' ? 'SLACK_BOT_TOKEN' : 'DISCORD_TOKEN'} must be set to post to ${platform}`,
    );
  await app.briefings.refresh({ throwOnError: true });
  const { createDigestService } = await import('../schedule/create-digest.ts');
  const digest = createDigestService(app);
  try {
    const { messageIds } = await digest.preview(platform, m[2] as string);
    process.stdout.write(
      `Posted the digest to ${channel} (${messageIds.length} message${messageIds.length === 1 ? '' : 's'}: ${messageIds.join(', ')})\n`,
    );
    return 0;
  } catch (error) {
    throw new BrieferError('PLATFORM_ERROR', `could not post to ${channel}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await digest.stop();
  }
}

function parseSentences(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 20)
    throw new UsageError(`--sentences must be a whole number from 1 to 20, not "${raw}"`);
  return n;
}

function makeApp(source: string | undefined): App {
  const env = { ...process.env, ...(source !== undefined ? { BRIEFER_SOURCE: source } : {}) };
  const config = loadConfig(env);
  // The CLI is quiet unless asked: warnings and errors only.
  const logger = createLogger(config.env.LOG_LEVEL ?? 'warn');
  return createApp(config, { logger });
}

function formatReply(app: App, reply: Awaited<ReturnType<typeof runCommand>>, format: Format): string {
  const { view } = reply;
  if (format === 'text' || view.kind === 'message' || view.kind === 'help') {
    if (format === 'json' && view.kind === 'message') return JSON.stringify({ error: view.text });
    return renderText(reply, app.taxonomy);
  }
  const b = view.briefing;
  if (format === 'json') {
    const json = briefingToJson(b);
    if (view.kind === 'story')
      return JSON.stringify({ generatedAt: json.generatedAt, source: json.source, lead: json.lead }, null, 2);
    if (view.kind === 'headlines') {
      const headlines = view.category
        ? json.headlines.filter((h) => h.category === view.category)
        : json.headlines;
      return JSON.stringify({ generatedAt: json.generatedAt, source: json.source, headlines }, null, 2);
    }
    return JSON.stringify(json, null, 2);
  }
  if (view.kind === 'story') return storyMarkdown(b);
  if (view.kind === 'headlines') return headlinesMarkdown(b, app.taxonomy, view.category);
  return briefingMarkdown(b, app.taxonomy);
}
