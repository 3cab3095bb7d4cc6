/** Reads a local news file as UTF-8 text, turning every failure into a SourceError that names the file. */
import { readFile, stat } from 'node:fs/promises';
import { SourceError } from '../core/errors.ts';

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export async function readTextFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new SourceError('SOURCE_UNREADABLE', path, 'is a directory, not a file');
    if (info.size > maxBytes)
      throw new SourceError(
        'SOURCE_MALFORMED',
        path,
        `is ${formatBytes(info.size)}, larger than the ${formatBytes(maxBytes)} limit`,
      );
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError('SOURCE_UNREADABLE', path, describeFsError(error), { cause: error });
  }
  if (bytes.length === 0) throw new SourceError('SOURCE_EMPTY', path, 'the file is empty');
  if (bytes.includes(0))
    throw new SourceError('SOURCE_MALFORMED', path, 'looks like a binary file, not text');
  try {
    // Strict decoding: silently replacing bad bytes would hide a wrong-encoding file from its owner.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new SourceError('SOURCE_MALFORMED', path, 'is not valid UTF-8 text', { cause: error });
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
