#!/usr/bin/env node
/**
 * `npm run build` (and `npm ci`, through `prepare`): compiles src/ and commands/ to JavaScript in dist/,
 * one output file per source file so relative paths (data/, migrations) resolve as they do from src/.
 * esbuild only strips types — `npm run typecheck` is what checks them — which keeps a build under a second,
 * so `npm start` can rebuild when the sources changed since the last build.
 */
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** Written last: its modification time says when the build finished. */
const STAMP_NAME = '.built';
const STAMP = join(DIST, STAMP_NAME);
const SOURCES = ['src', 'commands'];

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** True when dist/ holds a build newer than every source file. */
export function isBuildFresh() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return false;
  }
  for (const dir of SOURCES) {
    for (const file of filesUnder(join(ROOT, dir))) if (statSync(file).mtimeMs > built) return false;
  }
  return true;
}

/** Relative imports of .ts files become imports of the .js files built beside them; packages stay imports. */
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.replace(/\.ts$/, '.js'), external: true };
    });
  },
};

/**
 * Builds into a fresh directory beside dist/ and then swaps it in, so a process starting from dist/
 * meanwhile sees the old build or the new one, never half of one.
 */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  const out = `${DIST}.${process.pid}.tmp`;
  rmSync(out, { recursive: true, force: true });
  const files = SOURCES.flatMap((dir) => [...filesUnder(join(ROOT, dir))]);
  await esbuild({
    entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
    outdir: out,
    outbase: ROOT,
    bundle: true,
    plugins: [keepImports],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  // Files the code reads beside itself (SQL migrations) go along; data/ is linked, so a retrained
  // model or an edited taxonomy needs no rebuild.
  for (const file of files.filter((f) => !f.endsWith('.ts'))) {
    const target = join(out, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  linkOrCopy(join(ROOT, 'data'), join(out, 'data'));
  writeFileSync(join(out, STAMP_NAME), `${new Date().toISOString()}\n`);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(out, DIST);
}

function linkOrCopy(source, target) {
  try {
    // 'junction' lets Windows link a directory without special rights; elsewhere it is a plain symlink.
    symlinkSync(relative(dirname(target), source), target, 'junction');
  } catch {
    for (const file of filesUnder(source)) {
      const to = join(target, relative(source, file));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(file, to);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    // --if-stale: the test suite's set-up, which builds once for the processes its tests start.
    if (!(process.argv.includes('--if-stale') && isBuildFresh())) await build();
  } catch (error) {
    // `npm ci --omit=dev` has no esbuild: install still succeeds, and start-up says what is missing.
    if (process.argv.includes('--if-possible') && error?.code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write('briefer: esbuild is not installed (dev dependency); skipping the build\n');
    } else throw error;
  }
}
