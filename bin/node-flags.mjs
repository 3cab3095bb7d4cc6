/**
 * The node flags the bot runs with: `npm start` passes them (package.json, checked by a test against this
 * list), and the benchmarks start their bot processes with them. Measured with `npm run bench -- soak`
 * (docs/security.md, "Memory and load"): with Node's defaults V8 lets the heap of a busy process grow to
 * several times what it keeps (≈75 MB), and RSS went past 300 MB; with these it stays near 240 MB.
 * - `--max-semi-space-size=4`: a 4 MB young generation (of 16 MB) is collected more often and holds less.
 * - `--max-old-space-size=256`: V8 sizes its heap growth to this ceiling, collecting sooner. Feed and
 *   article parsing, the big allocations, happen in a worker with its own limit (parse-off-thread.ts), so
 *   the main heap holds parsed items and the briefing: a 7,000-item feed fits with room to spare.
 */
export const NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=256'];
