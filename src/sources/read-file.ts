/**
 * Reads a local news file as UTF-8 text, turning every failure into a SourceError that names the file.
 * Only regular files: a device (/dev/zero), a FIFO or a directory is refused before any read, and the
 * size cap is enforced while reading (a file that grows after `stat` is still cut off).
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { SourceError } from '../core/errors.ts';

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

export async function readTextFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<string> {
  let bytes: Buffer;
  let file: FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO nobody writes to would otherwise wait forever.
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await file.stat();
    if (info.isDirectory()) throw new SourceError('SOURCE_UNREADABLE', path, 'is a directory, not a file');
    if (!info.isFile())
      throw new SourceError('SOURCE_UNREADABLE', path, `is ${specialKind(info)}, not a regular file`);
    if (info.size > maxBytes) throw tooLarge(path, maxBytes, info.size);
    bytes = await readCapped(file, path, maxBytes);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError('SOURCE_UNREADABLE', path, describeFsError(error), { cause: error });
  } finally {
    await file?.close().catch(() => {});
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

/** Reads chunk by chunk and stops one byte past the cap. */
async function readCapped(file: FileHandle, path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(path, maxBytes);
    chunks.push(buffer.subarray(0, bytesRead));
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(path: string, maxBytes: number, size?: number): SourceError {
  const what = size === undefined ? 'is larger' : `is ${formatBytes(size)}, larger`;
  return new SourceError('SOURCE_MALFORMED', path, `${what} than the ${formatBytes(maxBytes)} limit`);
}

function specialKind(info: {
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
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
