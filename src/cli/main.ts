/** Entry point of the `briefer` command line (`npm run briefer -- …`, and the package's bin). */
import { loadEnvFile } from '../env-file.ts';
import { run } from './cli.ts';

loadEnvFile();
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
