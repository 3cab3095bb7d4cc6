import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { DigestLedger } from '../../src/store/digest-ledger.ts';

const t0 = new Date('2026-11-25T07:30:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('DigestLedger', () => {
  it('lets exactly one of two processes on one file claim a day', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'briefer-ledger-')), 'b.db');
    const a = new DigestLedger(openDatabase(path));
    const b = new DigestLedger(openDatabase(path));
    expect(a.claim('slack:C1', '2026-11-25', 'A', t0)).toEqual({
      claimed: true,
      attempt: 1,
      recovering: false,
      posted: [],
    });
    expect(b.claim('slack:C1', '2026-11-25', 'B', t0)).toMatchObject({
      claimed: false,
      reason: 'in-progress',
    });
    a.complete('slack:C1', '2026-11-25', ['m1'], t0);
    expect(b.claim('slack:C1', '2026-11-25', 'B', later(3600_000))).toMatchObject({
      claimed: false,
      reason: 'already-sent',
    });
    expect(b.get('slack:C1', '2026-11-25')).toMatchObject({
      status: 'sent',
      messageIds: ['m1'],
      claimedBy: 'A',
    });
    // Another day, another claim.
    expect(b.claim('slack:C1', '2026-11-26', 'B', later(86_400_000)).claimed).toBe(true);
  });

  it('takes over a claim whose process died mid-send, after the lease', () => {
    const ledger = new DigestLedger(openDatabase(':memory:'), { leaseMs: 60_000 });
    ledger.claim('discord:1', '2026-11-25', 'crashed', t0);
    expect(ledger.claim('discord:1', '2026-11-25', 'new', later(59_000)).claimed).toBe(false);
    expect(ledger.claim('discord:1', '2026-11-25', 'new', later(60_000))).toEqual({
      claimed: true,
      attempt: 2,
      recovering: true,
      posted: [],
    });
  });

  it('hands the next attempt the messages earlier ones posted, after a crash or a failure', () => {
    const ledger = new DigestLedger(openDatabase(':memory:'), { leaseMs: 60_000 });
    ledger.claim('slack:C1', 'd', 'crashed', t0);
    ledger.recordPosted('slack:C1', 'd', 'crashed', ['m1']);
    ledger.recordPosted('slack:C1', 'd', 'crashed', ['m1', 'm2']);
    // The process dies here; the next one continues after m2.
    expect(ledger.claim('slack:C1', 'd', 'next', later(60_000))).toMatchObject({
      claimed: true,
      recovering: true,
      posted: ['m1', 'm2'],
    });
    // A process that lost its claim cannot overwrite the new owner's progress.
    ledger.recordPosted('slack:C1', 'd', 'crashed', ['stale']);
    ledger.recordPosted('slack:C1', 'd', 'next', ['m1', 'm2', 'm3']);
    ledger.fail('slack:C1', 'd', '503', false);
    expect(ledger.claim('slack:C1', 'd', 'third', later(120_000))).toMatchObject({
      claimed: true,
      recovering: false,
      posted: ['m1', 'm2', 'm3'],
    });
    ledger.complete('slack:C1', 'd', ['m1', 'm2', 'm3', 'm4'], later(120_000));
    expect(ledger.get('slack:C1', 'd')).toMatchObject({
      status: 'sent',
      messageIds: ['m1', 'm2', 'm3', 'm4'],
    });
  });

  it('retries a failed day until the attempts run out; a final failure stops at once', () => {
    const ledger = new DigestLedger(openDatabase(':memory:'), { maxAttempts: 3 });
    ledger.claim('slack:C1', 'd', 'p', t0);
    ledger.fail('slack:C1', 'd', '503', false);
    expect(ledger.claim('slack:C1', 'd', 'p', t0)).toMatchObject({
      claimed: true,
      attempt: 2,
      recovering: false,
    });
    ledger.fail('slack:C1', 'd', '503', false);
    expect(ledger.claim('slack:C1', 'd', 'p', t0)).toMatchObject({ claimed: true, attempt: 3 });
    ledger.fail('slack:C1', 'd', '503', false);
    expect(ledger.claim('slack:C1', 'd', 'p', t0)).toMatchObject({ claimed: false, reason: 'gave-up' });

    ledger.claim('slack:C2', 'd', 'p', t0);
    ledger.fail('slack:C2', 'd', 'channel_not_found', true);
    expect(ledger.claim('slack:C2', 'd', 'p', t0)).toMatchObject({ claimed: false, reason: 'gave-up' });
    expect(ledger.latest('slack:C2')).toMatchObject({ status: 'failed', error: 'channel_not_found' });
  });
});
