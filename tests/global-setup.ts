/**
 * Tests that start Briefer as a real process run the compiled build, as users do: build it once here,
 * before any test starts, so no two test processes rebuild dist/ at the same time.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildOnce(): void {
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url)), '--if-stale'],
    {
      stdio: 'inherit',
    },
  );
}
