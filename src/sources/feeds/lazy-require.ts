/**
 * A CommonJS package loaded on first use. The feed and article parsers (linkedom, undici, Readability,
 * feed-parser, iconv-lite, tldts) cost about a quarter of a second to load, which start-up on the bundled
 * sample or a news file should not pay; only reading feeds does.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded === undefined) loaded = require(name) as T;
    return loaded;
  };
}
