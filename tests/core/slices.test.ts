import { describe, expect, it } from 'vitest';
import { runInSlices, runToEnd } from '../../src/core/slices.ts';

function* countTo(n: number, log: string[]): Generator<void, number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    log.push(`step ${i}`);
    yield;
  }
  return sum;
}

describe('step generators', () => {
  it('runs to the end at once', () => {
    const log: string[] = [];
    expect(runToEnd(countTo(4, log))).toBe(10);
    expect(log).toHaveLength(4);
  });

  it('in slices, gives the event loop back between slices and returns the same value', async () => {
    const log: string[] = [];
    // A slice of 0 ms pauses after every step: other work scheduled meanwhile runs in between.
    setImmediate(() => log.push('other work'));
    const sum = await runInSlices(countTo(4, log), 0);
    expect(sum).toBe(10);
    const other = log.indexOf('other work');
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(log.length - 1);
  });
});
