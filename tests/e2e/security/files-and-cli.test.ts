/**
 * Findings 6 and 10, as users meet them: the `briefer` CLI (in this process, as its bin runs it) given a device, a FIFO or a
 * directory as its news file, a nonsense category, binary input, a bad configuration line, a digest
 * without a signing secret; and a listener given a HOST it cannot use.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { readTextFile } from '../../../src/sources/read-file.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import { runBriefer } from '../../helpers/run-cli.ts';
import { startSlackHarness } from '../slack/harness.ts';

const briefer = (args: string[], env: Record<string, string> = {}, input?: Buffer) =>
  runBriefer(args, input ?? '', env);

let dir: string;
let fifo: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefer-files-'));
  fifo = join(dir, 'news.fifo');
  await promisify(execFile)('mkfifo', [fifo]);
});

describe('news files (finding 6)', () => {
  it('refuses /dev/zero at once instead of reading without limit', async () => {
    const r = await briefer(['story', '--source', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/zero.*is a device, not a regular file/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('refuses a FIFO with no writer instead of hanging', async () => {
    const r = await briefer(['story', '--source', fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a named pipe \(FIFO\), not a regular file/);
  }, 60_000);

  it('refuses a directory, and enforces the cap while reading', async () => {
    await expect(readTextFile(dir)).rejects.toThrow(/is a directory, not a file/);
    await expect(readTextFile('/dev/zero', 1024)).rejects.toThrow(/not a regular file/);
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'a'.repeat(5000));
    await expect(readTextFile(big, 1000)).rejects.toThrow(/larger than the 1000 B limit/);
  });
});

describe('small ones (finding 10)', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack.close();
  });

  it('headlines --category nonsense: the error goes to stderr, stdout stays empty', async () => {
    const r = await briefer(['headlines', '--category', 'nonsense']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/nonsense/);
  }, 60_000);

  it('summarize refuses binary input', async () => {
    const r = await briefer(
      ['summarize'],
      {},
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/stdin is not text/);
  }, 60_000);

  it('briefer digest posts with a bot token and no SLACK_SIGNING_SECRET', async () => {
    const r = await briefer(['digest', '--channel', 'slack:C0NOSECRET'], {
      SLACK_BOT_TOKEN: 'xoxb-cli-test',
      SLACK_API_URL: slack.apiUrl,
      BRIEFER_DB: join(dir, 'digest.db'),
    });
    expect(r.stderr).not.toMatch(/SLACK_SIGNING_SECRET/);
    expect(r.code).toBe(0);
    expect(slack.callsTo('chat.postMessage').some((c) => c.params.channel === 'C0NOSECRET')).toBe(true);
  }, 60_000);

  it('configuration errors: one line per variable, CR/LF in the User-Agent refused', async () => {
    const error = (() => {
      try {
        loadConfig({
          BRIEFER_USER_AGENT: 'Briefer\r\nX-Injected: yes',
          DIGEST_TIME: '7.30',
          HOST: 'not a host!',
          DIGEST_CHANNELS: 'slack:C1,teams:42,irc:x',
        });
      } catch (e) {
        return e as Error;
      }
    })();
    const lines = String(error?.message).split('\n').slice(1);
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('BRIEFER_USER_AGENT'))).toMatch(
      /BRIEFER_USER_AGENT: must be one line without control characters \(no CR\/LF\) \(got "Briefer\\r\\nX-Injected: yes"\)/,
    );
    expect(lines.find((l) => l.includes('HOST'))).toMatch(/^ {2}HOST: expected a host name or IP address/);
    expect(lines.find((l) => l.includes('DIGEST_CHANNELS'))).toMatch(/entry 2: .*; entry 3: /);
    const r = await briefer(['brief'], { BRIEFER_USER_AGENT: 'a\nb' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  }, 60_000);

  it('a HOST that is not this machine is named as HOST, not PORT', async () => {
    await expect(startSlackHarness({ env: { HOST: '192.0.2.1' } })).rejects.toThrow(
      /^HOST: cannot listen on 192\.0\.2\.1:0 \(EADDRNOTAVAIL\)$/,
    );
  });
});
