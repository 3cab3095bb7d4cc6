import { describe, expect, it } from 'vitest';
import { busyNow, LagProbe, LoadGauge, readyAtOnce } from '../../src/adapters/load-gauge.ts';

/** A probe on a clock the test moves: no real time involved. */
function probeAt(start = 0) {
  let t = start;
  const probe = new LagProbe(50, 1000, () => t);
  const advance = (ms: number) => {
    t += ms;
  };
  return { probe, advance };
}

describe('LagProbe', () => {
  it('is not lagging while its ticks come on time', () => {
    const { probe, advance } = probeAt();
    for (let i = 0; i < 10; i++) {
      advance(60);
      probe.tick();
    }
    expect(probe.lagging).toBe(false);
  });

  it('is lagging after a tick that came over a second late, until a tick on time', () => {
    const { probe, advance } = probeAt();
    advance(1_500);
    probe.tick();
    expect(probe.lagging).toBe(true);
    advance(55);
    probe.tick();
    expect(probe.lagging).toBe(false);
  });

  it('is lagging while the next tick is overdue: the loop is stalled now', () => {
    const { probe, advance } = probeAt();
    advance(1_200);
    expect(probe.lagging).toBe(true);
  });
});

describe('busy', () => {
  const calm = { lagging: false };
  const stalled = { lagging: true };

  it('counts requests in progress, or a stalled loop', () => {
    expect(busyNow(7, 8, calm)).toBe(false);
    expect(busyNow(8, 8, calm)).toBe(true);
    expect(busyNow(0, 8, stalled)).toBe(true);
    expect(new LoadGauge(8, stalled).busy).toBe(true);
    expect(new LoadGauge(8, calm).busy).toBe(false);
  });

  it('is never busy with busyAt Infinity, whatever the loop does', () => {
    expect(busyNow(1_000, Number.POSITIVE_INFINITY, stalled)).toBe(false);
  });
});

describe('readyAtOnce', () => {
  it('gives a value settled before pending I/O, and undefined for one that is not', async () => {
    expect(await readyAtOnce(Promise.resolve(42))).toBe(42);
    const later = new Promise<number>((resolve) => setTimeout(() => resolve(1), 5));
    expect(await readyAtOnce(later)).toBeUndefined();
    expect(await readyAtOnce(Promise.reject(new Error('no')))).toBeUndefined();
  });
});
