import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/core/errors.ts';
import { FileSource } from '../../src/sources/file-source.ts';
import { resolveSource } from '../../src/sources/resolve.ts';

const fixture = (name: string) => new URL(`../fixtures/sources/${name}`, import.meta.url).pathname;

async function failure(source: FileSource): Promise<SourceError> {
  try {
    await source.load();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected load() to fail');
}

describe('FileSource', () => {
  it('reads the digest text format with CRLF lines', async () => {
    const news = await new FileSource(fixture('digest-crlf.txt')).load();
    expect(news.story.title).toBe('A & B agree on a deal');
    expect(news.story.paragraphs).toHaveLength(2);
    expect(news.headlines.map((h) => h.title)).toEqual([
      'First headline about markets',
      'Second headline about football',
    ]);
  });

  it('reads JSON by extension', async () => {
    const news = await new FileSource(fixture('news.json')).load();
    expect(news.story.source).toBe('Example News');
    expect(news.headlines).toHaveLength(2);
  });

  it('reads JSON by content when the extension says nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefer-'));
    const path = join(dir, 'news.data');
    writeFileSync(path, '\uFEFF  {"story":{"paragraphs":["Lead."]},"headlines":["H"]}');
    expect((await new FileSource(path).load()).headlines[0]?.title).toBe('H');
  });

  it('names the file and the problem for every bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefer-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(dir, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(4096));

    expect((await failure(new FileSource(join(dir, 'missing.txt')))).message).toBe(
      `${join(dir, 'missing.txt')}: no such file`,
    );
    expect((await failure(new FileSource(dir))).message).toMatch(/is a directory/);
    expect((await failure(new FileSource(empty))).code).toBe('SOURCE_EMPTY');
    expect((await failure(new FileSource(fixture('blank.txt')))).code).toBe('SOURCE_EMPTY');
    expect((await failure(new FileSource(binary))).message).toMatch(/image\.png: looks like a binary file/);
    expect((await failure(new FileSource(fixture('latin1.txt')))).message).toMatch(
      /latin1\.txt: is not valid UTF-8/,
    );
    expect((await failure(new FileSource(big, { maxBytes: 1024 }))).message).toMatch(
      /big\.txt: is 4\.0 kB, larger than the 1\.0 kB limit/,
    );
  });
});

describe('resolveSource', () => {
  it('gives the bundled sample by default and for "sample"', async () => {
    for (const spec of [undefined, '', 'sample', ' SAMPLE ']) {
      const source = resolveSource(spec);
      expect(source.name).toBe('sample news (fictional)');
    }
    const news = await resolveSource('sample').load();
    expect(news.story.title).toMatch(/sample/i);
    expect(news.headlines.length).toBeGreaterThanOrEqual(15);
  });

  it('gives a file source for a path', () => {
    expect(resolveSource(fixture('news.json')).name).toBe('news.json');
  });
});
