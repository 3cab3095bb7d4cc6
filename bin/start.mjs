#!/usr/bin/env node
// `npm start`: the bot, run from the compiled build (rebuilt first if the sources changed).
import { runBuilt } from './run-built.mjs';

await runBuilt('src/main.ts');
