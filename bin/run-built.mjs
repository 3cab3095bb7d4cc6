/**
 * Runs an entry point from the compiled build in dist/. When the sources changed since the last build
 * (a developer's edit, a `git pull`), it rebuilds first — esbuild takes well under a second — so what
 * runs is always the current code, compiled. Without esbuild (`npm ci --omit=dev`) it runs dist/ as built.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, DIST, isBuildFresh } from '../scripts/build.mjs';

/** `entry` is a source path such as `src/main.ts`. */
export async function runBuilt(entry) {
  const compiled = join(DIST, entry.replace(/\.ts$/, '.js'));
  if (!isBuildFresh()) {
    try {
      await build();
    } catch (error) {
      if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !existsSync(compiled)) {
        process.stderr.write(
          `briefer: cannot build dist/ (${error?.message ?? error}); run \`npm ci\` (or \`npm run build\`) first\n`,
        );
        process.exit(1);
      }
      process.stderr.write(
        'briefer: the sources changed since dist/ was built and esbuild is not installed; running dist/ as built\n',
      );
    }
  }
  await import(pathToFileURL(compiled).href);
}
