/**
 * The terminal front end: the same commands the bots answer, typed as lines, answered in plain text.
 * Interactive with a prompt on a TTY; with piped input it runs each line and exits 0 at end of input,
 * so `printf '/brief\n' | npm start` works.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { App } from '../../app.ts';
import { errorReply, runCommand } from '../../commands/dispatch.ts';
import { parseTextArgs } from '../../commands/parse-text-args.ts';
import { userMessage } from '../../core/errors.ts';
import type { Reply } from '../../core/reply.ts';
import { renderText } from '../../render/text.ts';
import { parseConsoleLine } from './parse-line.ts';

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** Where the banner goes; stdout on a terminal, stderr when piped so stdout holds only replies. */
  info?: Writable;
  interactive?: boolean;
}

const QUIT = new Set(['quit', 'exit', 'q']);

export function banner(app: App): string {
  return [
    `Briefer console — reading ${app.source.name}.`,
    'Type /brief, /story [sentences], /headlines [category], /help or /quit.',
    'To run on Discord set DISCORD_TOKEN and DISCORD_APPLICATION_ID; for Slack set SLACK_BOT_TOKEN and',
    'SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode). Use BRIEFER_SOURCE=path to brief on your own news.',
  ].join('\n');
}

/** Runs one console line; returns the text to print, or undefined for blank lines. */
export async function handleConsoleLine(app: App, line: string): Promise<string | undefined> {
  const parsed = parseConsoleLine(line);
  if (!parsed) return undefined;
  const command = app.registry.get(parsed.name);
  let reply: Reply;
  if (!command) {
    reply = await runCommand(app.registry, parsed.name, {}, app.context('console'));
  } else {
    try {
      const args = parseTextArgs(command.definition, parsed.rest);
      reply = await runCommand(app.registry, parsed.name, args, app.context('console'));
    } catch (error) {
      reply = errorReply(userMessage(error));
    }
  }
  return renderText(reply, app.taxonomy);
}

export async function runConsole(app: App, options: ConsoleOptions = {}): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as NodeJS.ReadStream).isTTY);
  const info = options.info ?? (interactive ? output : process.stderr);

  info.write(`${banner(app)}\n\n`);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    rl.setPrompt('briefer> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const parsed = parseConsoleLine(line);
    if (parsed && QUIT.has(parsed.name)) break;
    const text = await handleConsoleLine(app, line);
    if (text !== undefined) output.write(`${text}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
