#!/usr/bin/env node
/**
 * Installs the extras (scripts/extras/package.json: word vectors for `npm run train`, the summarizers
 * `npm run bench -- summarizer` compares against) from their own lockfile, once. `npm ci` in the
 * repository root never downloads them: the word vectors alone are about 300 MB.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const installed = new URL('node_modules/.package-lock.json', import.meta.url);
const lock = new URL('package-lock.json', import.meta.url);

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  process.stderr.write('briefer: installing the training and benchmark extras (scripts/extras, ~300 MB)…\n');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: DIR, stdio: 'inherit' });
}
