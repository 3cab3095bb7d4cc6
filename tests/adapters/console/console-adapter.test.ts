import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { handleConsoleLine, runConsole } from '../../../src/adapters/console/console-adapter.ts';
import { parseConsoleLine } from '../../../src/adapters/console/parse-line.ts';
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';

const app = createApp(loadConfig({}), { logger: createLogger('silent') });

async function run(lines: string): Promise<{ out: string; info: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  const info = new PassThrough();
  let out = '';
  let banner = '';
  output.on('data', (d) => (out += d));
  info.on('data', (d) => (banner += d));
  const done = runConsole(app, { input, output, info, interactive: false });
  input.end(lines);
  await done;
  return { out, info: banner };
}

describe('parseConsoleLine', () => {
  it('reads commands with or without the slash, and skips blanks and comments', () => {
    expect(parseConsoleLine('/headlines  markets ')).toEqual({ name: 'headlines', rest: 'markets' });
    expect(parseConsoleLine('BRIEF')).toEqual({ name: 'brief', rest: '' });
    expect(parseConsoleLine('   ')).toBeUndefined();
    expect(parseConsoleLine('# note')).toBeUndefined();
  });
});

describe('console adapter', () => {
  it('answers /brief with the lead summary and every category group of the sample', async () => {
    const text = (await handleConsoleLine(app, '/brief')) ?? '';
    expect(text).toContain('Harbor nations launch $120 billion clean-shipping fund');
    expect(text).toMatch(/Five coastal nations agreed on Tuesday/);
    expect(text).toMatch(/Key facts/);
    expect(text).toMatch(/Headlines \(15\)/); // 16 lines, one duplicate merged
    expect(text).toMatch(/sample news \(fictional\)/);
  });

  it('filters /headlines by category id or label, and explains an unknown one', async () => {
    const sports = (await handleConsoleLine(app, '/headlines sports')) ?? '';
    expect(sports).toMatch(/Headlines \(1\)/);
    expect(sports).toMatch(/league title/);
    const label = (await handleConsoleLine(app, '/headlines Markets')) ?? '';
    expect(label).toMatch(/Stocks climb/);
    expect(await handleConsoleLine(app, '/headlines gossip')).toMatch(
      /There is no category "gossip"\. Try one of: geopolitics/,
    );
  });

  it('honours /story sentences and refuses a bad value with usage', async () => {
    const story = (await handleConsoleLine(app, '/story 2')) ?? '';
    expect(story).toMatch(/\(2 of \d+ sentences\)/);
    expect(await handleConsoleLine(app, '/story many')).toMatch(
      /sentences must be a whole number.*Usage: \/story \[sentences\]/,
    );
  });

  it('lists commands in /help and explains an unknown command', async () => {
    const help = (await handleConsoleLine(app, '/help')) ?? '';
    for (const c of ['/brief', '/story [sentences]', '/headlines [category]']) expect(help).toContain(c);
    expect(await handleConsoleLine(app, '/weather')).toMatch(/Unknown command \/weather\. Try \/brief/);
  });

  it('explains that /digest needs a chat platform', async () => {
    expect(await handleConsoleLine(app, '/digest status')).toMatch(/runs on Discord and Slack/);
  });

  it('runs piped lines in order and stops at /quit; the banner names the source and the platforms', async () => {
    const { out, info } = await run('/headlines sports\n\n/headlines energy\n/quit\n/brief\n');
    expect(info).toMatch(/reading sample news \(fictional\)/);
    expect(info).toMatch(/DISCORD_TOKEN/);
    expect(info).toMatch(/SLACK_BOT_TOKEN/);
    expect(out.indexOf('league title')).toBeGreaterThan(-1);
    expect(out.indexOf('Oil prices')).toBeGreaterThan(out.indexOf('league title'));
    expect(out).not.toMatch(/Five coastal nations/); // /brief came after /quit
  });

  it('ends cleanly at end of input', async () => {
    const { out } = await run('/help');
    expect(out).toMatch(/\/brief/);
  });
});
