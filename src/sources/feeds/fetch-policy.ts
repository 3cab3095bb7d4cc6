/**
 * Where a fetch may go. The feeds the operator configured may be anywhere (an intranet feed is fine);
 * everything reached through feed content — article links, and redirects from any fetch — may only go
 * to public addresses, unless it stays on a trusted host and port (an article on its feed's own site).
 *
 * The check runs when the connection is made (a `lookup` on the connection agent), so a name that
 * resolves to a public address for a pre-check and to 127.0.0.1 a moment later (DNS rebinding) cannot
 * slip past. IP literals never reach `lookup`, so they are checked before connecting.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, type Dispatcher } from 'undici';
import { isIpLiteral, nonPublicReason, stripBrackets } from './public-address.ts';

export interface FetchPolicy {
  /** `BRIEFER_FETCH_ALLOW_PRIVATE=1`: no address checks at all (intranet setups). */
  allowPrivate?: boolean;
  /** Origins (`host:port`, see originKey) that may be anywhere: the operator's own feed. */
  trusted?: readonly string[];
}

/** A fetch the policy refused; `message` names the host and why. */
export class RefusedAddress extends Error {
  override name = 'RefusedAddress';
  readonly code = 'EBRIEFER_REFUSED';
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** `host:port` with the scheme's default port filled in, so `http://a/` and `http://a:80/` match. */
export function originKey(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  return `${u.hostname.toLowerCase()}:${u.port || DEFAULT_PORTS[u.protocol] || ''}`;
}

/**
 * The agent to fetch `url` with under `policy`: the unchecked one for trusted origins (or when checks
 * are off), else the one whose lookup refuses non-public addresses. Throws RefusedAddress at once for
 * a non-public IP literal.
 */
export function dispatcherFor(url: URL, policy: FetchPolicy): Dispatcher {
  if (policy.allowPrivate || policy.trusted?.includes(originKey(url))) return openAgent();
  const host = stripBrackets(url.hostname);
  if (isIpLiteral(host)) {
    const reason = nonPublicReason(host);
    if (reason) throw new RefusedAddress(`${host} is a ${reason} address`);
  }
  return guardedAgent();
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `dns.lookup` that drops non-public answers, and fails when none is left. */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const allowed = addresses.filter((a) => !nonPublicReason(a.address));
    const first = allowed[0];
    if (!first) {
      const shown = addresses[0];
      const why = shown ? `a ${nonPublicReason(shown.address)} address (${shown.address})` : 'no address';
      return callback(new RefusedAddress(`${hostname} resolves to ${why}`), []);
    }
    if (options.all) callback(null, allowed);
    else callback(null, first.address, first.family);
  });
}

let open: Agent | undefined;
let guarded: Agent | undefined;

function openAgent(): Agent {
  open ??= new Agent();
  return open;
}

function guardedAgent(): Agent {
  guarded ??= new Agent({ connect: { lookup: publicOnlyLookup as never } });
  return guarded;
}

/** The RefusedAddress somewhere in a fetch error's cause chain (undici wraps it), if any. */
export function refusalIn(error: unknown): RefusedAddress | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e; depth++) {
    if (e instanceof RefusedAddress) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
