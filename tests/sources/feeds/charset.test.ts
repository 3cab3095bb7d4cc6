import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  charsetFromDocument,
  decodeBody,
} from '../../../src/sources/feeds/charset.ts';

const xml = (encoding: string, body: string) =>
  `<?xml version="1.0" encoding="${encoding}"?><rss><title>${body}</title></rss>`;

describe('decodeBody', () => {
  it('decodes UTF-8 by default and drops a BOM', () => {
    const bytes = Buffer.from('\uFEFF<rss>“Café” €</rss>', 'utf8');
    expect(decodeBody(bytes)).toEqual({ text: '<rss>“Café” €</rss>', charset: 'utf-8' });
  });

  it('uses the Content-Type charset: windows-1252 curly quotes and euro are not C1 controls', () => {
    const bytes = iconv.encode('<rss>“record” summer, €2m</rss>', 'windows-1252');
    expect(bytes.includes(0x93)).toBe(true);
    const decoded = decodeBody(bytes, 'application/rss+xml; charset=Windows-1252');
    expect(decoded.text).toBe('<rss>“record” summer, €2m</rss>');
    expect(decoded.note).toBeUndefined();
  });

  it('uses the XML prolog when the header has no charset', () => {
    const bytes = iconv.encode(xml('ISO-8859-1', 'Señora Núñez, Ålborg'), 'latin1');
    expect(decodeBody(bytes, 'application/xml').text).toContain('Señora Núñez, Ålborg');
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do', () => {
    const bytes = iconv.encode(xml('iso-8859-1', '“quoted”'), 'windows-1252');
    expect(decodeBody(bytes).text).toContain('“quoted”');
  });

  it('uses <meta charset> in HTML', () => {
    const bytes = iconv.encode(
      '<html><head><meta charset="windows-1252"></head><body>naïve – “ok”</body></html>',
      'win1252',
    );
    expect(decodeBody(bytes, 'text/html').text).toContain('naïve – “ok”');
  });

  it('falls back to windows-1252 when text said to be UTF-8 is not, and says so', () => {
    const bytes = iconv.encode('<rss>bakery’s “giant loaf”</rss>', 'windows-1252');
    const decoded = decodeBody(bytes, 'text/xml; charset=utf-8');
    expect(decoded.text).toBe('<rss>bakery’s “giant loaf”</rss>');
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.note).toMatch(/declared utf-8 but not valid UTF-8, decoded as windows-1252/);
  });

  it('survives an unknown charset label', () => {
    const decoded = decodeBody(Buffer.from('<rss>plain</rss>'), 'text/xml; charset=x-klingon');
    expect(decoded.text).toBe('<rss>plain</rss>');
    expect(decoded.note).toMatch(/unknown charset "x-klingon"/);
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss>ü</rss>', 'utf16le')]);
    expect(decodeBody(bytes).text).toBe('<rss>ü</rss>');
  });
});

describe('charset detection', () => {
  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetFromContentType('text/xml; charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(charsetFromContentType('text/xml')).toBeUndefined();
  });

  it('reads XML prologs and both HTML meta forms', () => {
    expect(charsetFromDocument(Buffer.from(xml('windows-1252', 'x')))).toBe('windows-1252');
    expect(
      charsetFromDocument(
        Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'),
      ),
    ).toBe('iso-8859-15');
  });
});
