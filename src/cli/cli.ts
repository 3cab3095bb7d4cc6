/**
 * The `briefer` command line: the chat views (brief, story, headlines) and the batch tools
 * (summarize, categorize, cluster) used by scripts and the eval harness. Logs go to stderr, results to stdout.
 * Exit codes: 0 ok, 2 bad input or configuration (one line on stderr, no stack trace), 1 a bug.
 */
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { type App, createApp, createLeadSummarizer } from '../app.ts';
import { runCommand } from '../commands/dispatch.ts';
import { loadConfig } from '../config.ts';
import type { CommandArgs } from '../core/command-definition.ts';
import { BrieferError, isBrieferError, UsageError } from '../core/errors.ts';
import { createLogger } from '../log.ts';
import { briefingToJson } from '../render/briefing-json.ts';
import { briefingMarkdown, headlinesMarkdown, storyMarkdown } from '../render/markdown.ts';
import { renderText } from '../render/text.ts';
import { categorizeBatch, categorizeLines } from './categorize-command.ts';
import { clusterLines } from './cluster-command.ts';
import { type ModelSummarizer, summarizeBatch, summarizeOne } from './summarize-command.ts';

export const HELP = `briefer — the day's news, briefed

Usage:
  briefer brief     [--source S] [--format text|json|markdown] [--sentences N]
  briefer story     [--source S] [--format text|json|markdown] [--sentences N]
  briefer headlines [--source S] [--format text|json|markdown] [--category ID]
  briefer summarize [--sentences N] [--json]     one article on stdin
  briefer summarize --jsonl                      {"id","text","sentences"} per line → {"id","summary"}
  briefer summarize --llm [--json|--jsonl]       the same, written by the configured model (BRIEFER_LLM_URL)
  briefer categorize                             one headline per line → one JSON line each
  briefer categorize --jsonl                     {"id","title","summary"?} per line → {"id","category","confidence","scores"}
  briefer cluster                                {"id","title","source",…} per line → {"id","story"}
  briefer digest    --channel slack:C0123|discord:ID   post the daily digest there now (a preview)

Options:
  --source S      sample (default), a digest .txt or .json file, feed URLs (comma-separated),
                  a feeds .json file or an OPML export (env BRIEFER_SOURCE)
  --format F      text (default), json or markdown
  --sentences N   sentences in the summary (1-20, default 3)
  --category ID   only headlines of this category (id or label)
  --channel P:ID  a Slack or Discord channel, e.g. slack:C0123 or discord:112233
  --llm           summarize: use the model of BRIEFER_LLM_URL (brief and story use it when set)
  -h, --help      this help`;

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/** Where the CLI reads and writes, and the environment it is configured from: the process's, or a test's. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

export const processIo = (): CliIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

/**
 * Runs one command line and returns the exit code: 0 ok, 2 bad input or configuration (one line on
 * stderr naming the problem, no stack trace), 1 a bug.
 */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await runCli(argv, io);
  } catch (error) {
    if (isBrieferError(error) || String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`briefer: ${(error as Error).message}\n`);
      return 2;
    }
    io.stderr.write(
      `briefer: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
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
      llm: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...extra] = positionals;
  if (values.help || !command || command === 'help') {
    io.stdout.write(`${HELP}\n`);
    return command || values.help ? 0 : 2;
  }
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}" (see briefer --help)`);

  const sentences = values.sentences === undefined ? undefined : parseSentences(values.sentences);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);

  switch (command) {
    case 'summarize': {
      const model = values.llm ? modelSummarizer(io) : undefined;
      return values.jsonl
        ? summarizeBatch(io.stdin, io.stdout, sentences ?? 3, model).then(() => 0)
        : summarizeOne(
            io.stdin,
            io.stdout,
            { sentences: sentences ?? 3, json: values.json, model },
            io.stderr,
          );
    }
    case 'cluster':
      await clusterLines(io.stdin, io.stdout);
      return 0;
    case 'categorize': {
      const app = makeApp(values.source, io);
      await (values.jsonl ? categorizeBatch : categorizeLines)(io.stdin, io.stdout, app.categorizer);
      return 0;
    }
    case 'brief':
    case 'story':
    case 'headlines': {
      // The model writes for the length asked, so --sentences and the AI summary go together.
      const app = makeApp(values.source, io, command === 'headlines' ? undefined : sentences);
      // Load now so a broken source is a clean exit 2, not an error reply.
      await app.briefings.refresh({ throwOnError: true });
      // A one-shot command has no later refresh: wait for the model, at most BRIEFER_LLM_TIMEOUT_MS.
      if (command !== 'headlines') await app.briefings.whenSummarized();
      const args: CommandArgs = command === 'headlines' ? { category: values.category } : { sentences };
      const reply = await runCommand(app.registry, command, args, app.context('cli'));
      const failed = reply.view.kind === 'message' && reply.view.tone === 'error';
      // An error (e.g. an unknown --category) goes to stderr, so stdout only ever holds results.
      (failed ? io.stderr : io.stdout).write(`${formatReply(app, reply, format)}\n`);
      return failed ? 2 : 0;
    }
    case 'digest':
      return postDigestNow(makeApp(values.source, io), values.channel, io);
    default:
      throw new UsageError(`unknown command "${command}" (see briefer --help)`);
  }
}

async function postDigestNow(app: App, channel: string | undefined, io: CliIo): Promise<number> {
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
  const { openConfiguredStore } = await import('../store/store.ts');
  const store = await openConfiguredStore(app.config.env);
  app.store = store;
  const digest = await createDigestService(app, store).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  try {
    const { messageIds } = await digest.preview(platform, m[2] as string);
    io.stdout.write(
      `Posted the digest to ${channel} (${messageIds.length} message${messageIds.length === 1 ? '' : 's'}: ${messageIds.join(', ')})\n`,
    );
    return 0;
  } catch (error) {
    throw new BrieferError('PLATFORM_ERROR', `could not post to ${channel}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await digest.stop();
    await store.close();
  }
}

function parseSentences(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 20)
    throw new UsageError(`--sentences must be a whole number from 1 to 20, not "${raw}"`);
  return n;
}

function makeApp(source: string | undefined, io: CliIo, sentences?: number): App {
  const env = {
    ...io.env,
    ...(source !== undefined ? { BRIEFER_SOURCE: source } : {}),
    ...(sentences !== undefined ? { BRIEFER_SENTENCES: String(sentences) } : {}),
  };
  const config = loadConfig(env, { receives: false });
  // The CLI is quiet unless asked: warnings and errors only.
  const logger = createLogger(config.env.LOG_LEVEL ?? 'warn', io.stderr);
  return createApp(config, { logger });
}

/** `--llm`: the configured model; without BRIEFER_LLM_URL it is a usage error, not a silent fallback. */
function modelSummarizer(io: CliIo): ModelSummarizer {
  const config = loadConfig(io.env, { receives: false });
  const logger = createLogger(config.env.LOG_LEVEL ?? 'warn', io.stderr);
  const summarizer = createLeadSummarizer(config, {}, logger);
  if (!summarizer)
    throw new UsageError('--llm needs BRIEFER_LLM_URL and BRIEFER_LLM_MODEL (see docs/ai-summaries.md)');
  return (story, sentences) => summarizer.summarize({ story, sentences });
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
  if (view.kind === 'headlines')
    return headlinesMarkdown(b, app.taxonomy, { only: view.category, limits: view.limits });
  return briefingMarkdown(b, app.taxonomy, { limits: view.limits });
}
