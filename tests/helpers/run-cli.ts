/** Runs the `briefer` CLI in this process, as its bin would: argv, stdin text and an environment in; exit code and output back. */
import { PassThrough } from 'node:stream';
import { run } from '../../src/cli/cli.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runBriefer(
  args: string[],
  input: string | Buffer = '',
  env: Record<string, string> = {},
): Promise<CliResult> {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = collect();
  const stderr = collect();
  const code = await run(args, { stdin, stdout: stdout.stream, stderr: stderr.stream, env });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
