/** Entry point of the `briefer` command line (`npm run briefer -- …`, and the package's bin). */
import { isBrieferError } from '../core/errors.ts';
import { loadEnvFile } from '../env-file.ts';
import { runCli } from './cli.ts';

loadEnvFile();
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Bad input or configuration: one line naming the problem, no stack trace.
    if (isBrieferError(error) || String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`briefer: ${(error as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `briefer: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
