/**
 * Discord signs every HTTP interaction with Ed25519 over `timestamp + body`. The application's public
 * key is 32 raw bytes (64 hex); node:crypto wants it wrapped as SPKI DER.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Requests older (or newer) than this are replays or a badly wrong clock. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new TypeError('an Ed25519 public key is 64 hex characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export type SignatureProblem = 'missing' | 'stale' | 'invalid';

/** undefined when the request is genuine; otherwise why not. */
export function checkSignature(
  key: KeyObject,
  headers: { signature?: string; timestamp?: string },
  body: Buffer,
  nowMs = Date.now(),
): SignatureProblem | undefined {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return 'missing';
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'invalid';
  if (Math.abs(nowMs - Number(timestamp) * 1000) > MAX_SIGNATURE_AGE_MS) return 'stale';
  const ok = verify(
    null,
    Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
    key,
    Buffer.from(signature, 'hex'),
  );
  return ok ? undefined : 'invalid';
}
