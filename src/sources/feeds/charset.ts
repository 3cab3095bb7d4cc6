/**
 * Bytes → text for feeds and article pages. The charset comes from, in order: a byte-order mark, the
 * Content-Type header, the document itself (`<?xml encoding=…?>` or `<meta charset>`), else UTF-8.
 * Decoding uses iconv-lite because Node 20's TextDecoder treats windows-1252 as Latin-1.
 */
import type Iconv from 'iconv-lite';
import { lazyRequire } from './lazy-require.ts';

const iconvLite = lazyRequire<typeof Iconv>('iconv-lite');

export interface Decoded {
  text: string;
  /** The encoding actually used, e.g. "utf-8" or "windows-1252". */
  charset: string;
  /** Set when the declared charset was wrong or unknown and another one was used. */
  note?: string;
}

// As in browsers (WHATWG Encoding): these labels mean windows-1252, whose 0x80–0x9F are “ ” € … rather
// than invisible control characters; feeds that say ISO-8859-1 almost always contain such bytes.
const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'cp1252',
]);

/** The charset parameter of a Content-Type header, lower-cased. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

/** The charset a document declares in its first kilobytes: XML prolog, then HTML meta. */
export function charsetFromDocument(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]?.toLowerCase();
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase();
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function canonical(label: string): string {
  const l = label.toLowerCase();
  if (WINDOWS_1252_ALIASES.has(l)) return 'windows-1252';
  if (l === 'utf8') return 'utf-8';
  return l;
}

function isUtf8(label: string): boolean {
  return label === 'utf-8';
}

function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes a response body; never throws (unknown or wrong charsets fall back and say so in `note`). */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: iconvLite().decode(Buffer.from(bytes), bom), charset: bom };

  const fromHeader = charsetFromContentType(contentType);
  const fromDoc = charsetFromDocument(bytes);
  const declared = fromHeader ?? fromDoc;
  const notes: string[] = [];
  let charset = canonical(declared ?? 'utf-8');
  if (!isUtf8(charset) && !iconvLite().encodingExists(charset)) {
    notes.push(`unknown charset "${declared}"`);
    charset = 'utf-8';
  }

  if (isUtf8(charset)) {
    const text = decodeUtf8Strict(bytes);
    if (text !== undefined) return withNote({ text: text.replace(/^\uFEFF/, ''), charset }, notes);
    // Mislabelled legacy text is common: try what the document itself says, then the web's default.
    const alternative = fromDoc && canonical(fromDoc) !== 'utf-8' ? canonical(fromDoc) : 'windows-1252';
    const fallback = iconvLite().encodingExists(alternative) ? alternative : 'windows-1252';
    notes.push(`${declared ? `declared ${declared} but ` : ''}not valid UTF-8, decoded as ${fallback}`);
    return withNote({ text: iconvLite().decode(Buffer.from(bytes), fallback), charset: fallback }, notes);
  }
  return withNote({ text: iconvLite().decode(Buffer.from(bytes), charset), charset }, notes);
}

function withNote(decoded: Decoded, notes: string[]): Decoded {
  return notes.length ? { ...decoded, note: notes.join('; ') } : decoded;
}
