import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../bin/node-flags.mjs';

describe('the node flags the bot runs with', () => {
  it('are the ones `npm start` passes, before the launcher', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(NODE_FLAGS.length).toBeGreaterThan(0);
    expect(pkg.scripts.start).toBe(`node ${NODE_FLAGS.join(' ')} bin/start.mjs`);
  });
});
