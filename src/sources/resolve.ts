/**
 * Turns a `BRIEFER_SOURCE` / `--source` value into a NewsSource:
 * `sample` (default) → the bundled sample; anything else → a local file path.
 */
import { sampleSource } from './sample.ts';
import { FileSource } from './file-source.ts';
import type { NewsSource } from './source.ts';

export interface SourceOptions {
  /** Largest file or response accepted, in bytes. */
  maxBytes?: number;
}

export function resolveSource(spec: string | undefined, options: SourceOptions = {}): NewsSource {
  const value = (spec ?? '').trim();
  if (value === '' || value.toLowerCase() === 'sample') return sampleSource();
  return new FileSource(value, { maxBytes: options.maxBytes });
}
