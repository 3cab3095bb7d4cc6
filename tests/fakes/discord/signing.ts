/** An Ed25519 key pair like a Discord application's, and request signing as Discord does it. */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

export interface SigningKeys {
  /** 64 hex characters, as the Developer Portal shows it (DISCORD_PUBLIC_KEY). */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function generateSigningKeys(): SigningKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // SPKI DER for Ed25519 is a 12-byte prefix followed by the 32-byte raw key.
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  return { publicKeyHex: raw.toString('hex'), privateKey };
}

/** The two headers Discord adds to every HTTP interaction. */
export function signatureHeaders(
  privateKey: KeyObject,
  body: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const timestamp = String(timestampSeconds);
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}
