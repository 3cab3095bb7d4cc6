import { describe, expect, it } from 'vitest';
import { checkSignature, publicKeyFromHex } from '../../../src/adapters/discord/verify-signature.ts';
import { generateSigningKeys, signatureHeaders } from '../../fakes/discord/signing.ts';

const keys = generateSigningKeys();
const key = publicKeyFromHex(keys.publicKeyHex);
const body = '{"type":1}';
const now = Date.now();
const check = (h: Record<string, string>, b = body, at = now) =>
  checkSignature(
    key,
    { signature: h['x-signature-ed25519'], timestamp: h['x-signature-timestamp'] },
    Buffer.from(b),
    at,
  );

describe('checkSignature', () => {
  it('accepts a request signed with the application key', () => {
    expect(check(signatureHeaders(keys.privateKey, body))).toBeUndefined();
  });

  it('rejects another key, a changed body, and missing or malformed headers', () => {
    expect(check(signatureHeaders(generateSigningKeys().privateKey, body))).toBe('invalid');
    expect(check(signatureHeaders(keys.privateKey, body), '{"type":2}')).toBe('invalid');
    expect(check({})).toBe('missing');
    expect(check({ 'x-signature-ed25519': 'zz', 'x-signature-timestamp': '1' })).toBe('invalid');
  });

  it('rejects timestamps more than 5 minutes away (replays)', () => {
    const old = Math.floor(now / 1000) - 6 * 60;
    expect(check(signatureHeaders(keys.privateKey, body, old))).toBe('stale');
    expect(check(signatureHeaders(keys.privateKey, body, Math.floor(now / 1000) + 6 * 60))).toBe('stale');
    expect(check(signatureHeaders(keys.privateKey, body, Math.floor(now / 1000) - 60))).toBeUndefined();
  });

  it('refuses a public key that is not 32 bytes of hex', () => {
    expect(() => publicKeyFromHex('abc')).toThrow(/64 hex/);
  });
});
