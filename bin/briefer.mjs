#!/usr/bin/env node
// The package's `briefer` bin: the CLI, run from the compiled build (rebuilt first if the sources changed).
import { runBuilt } from './run-built.mjs';

await runBuilt('src/cli/main.ts');
