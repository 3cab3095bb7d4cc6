import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BrieferError } from '../../src/core/errors.ts';
import { DEFAULT_TAXONOMY_URL, loadTaxonomy, parseTaxonomy } from '../../src/core/taxonomy.ts';

const IDS = [
  'geopolitics',
  'politics',
  'economy',
  'markets',
  'trade',
  'energy',
  'business',
  'technology',
  'science',
  'health',
  'climate',
  'justice',
  'sports',
  'entertainment',
  'other',
];

const dir = mkdtempSync(join(tmpdir(), 'briefer-taxonomy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bundled file's JSON, to edit into test variants. */
function bundled(): { categories: Array<Record<string, unknown>> } {
  return JSON.parse(readFileSync(DEFAULT_TAXONOMY_URL, 'utf8'));
}

function writeTemp(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The error loadTaxonomy throws for a file, checked to be a TAXONOMY_INVALID BrieferError. */
function loadError(file: string): BrieferError {
  try {
    loadTaxonomy(file);
  } catch (error) {
    expect(error).toBeInstanceOf(BrieferError);
    expect((error as BrieferError).code).toBe('TAXONOMY_INVALID');
    return error as BrieferError;
  }
  throw new Error(`expected ${file} to be rejected`);
}

describe('loadTaxonomy (bundled file)', () => {
  const taxonomy = loadTaxonomy();

  it('has the fifteen categories in display order, ending with the fallback', () => {
    expect(taxonomy.categories.map((c) => c.id)).toEqual(IDS);
  });

  it('gives every category a label, an emoji, a hex colour and a description', () => {
    for (const c of taxonomy.categories) {
      expect(c.label.length).toBeGreaterThan(0);
      expect(c.emoji).toMatch(/\p{Extended_Pictographic}/u);
      expect(c.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(c.description.length).toBeGreaterThan(0);
    }
  });

  it('uses distinct colours so Discord embeds can tell categories apart', () => {
    const colours = taxonomy.categories.map((c) => c.color.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });
});

describe('loadTaxonomy (edited files)', () => {
  it('reads a renamed label', () => {
    const data = bundled();
    const sports = data.categories.find((c) => c.id === 'sports');
    if (!sports) throw new Error('no sports category');
    sports.label = 'Sport & Games';
    const taxonomy = loadTaxonomy(writeTemp('renamed.json', data));
    expect(taxonomy.categories.find((c) => c.id === 'sports')?.label).toBe('Sport & Games');
  });

  it('reads an added category that has only keywords, and defaults optional fields', () => {
    const data = bundled();
    data.categories.splice(0, 0, { id: 'crypto', label: 'Crypto', emoji: '🪙', color: '#f7931a' });
    const taxonomy = loadTaxonomy(writeTemp('added.json', data));
    const crypto = taxonomy.categories[0];
    expect(crypto?.id).toBe('crypto');
    expect(crypto?.keywords).toEqual({});
    expect(crypto?.description).toBe('');
  });

  it('rejects a duplicate id, naming the file and the id', () => {
    const data = bundled();
    data.categories.push({ ...data.categories[0], label: 'Again' });
    const file = writeTemp('duplicate.json', data);
    const error = loadError(file);
    expect(error.message).toContain(file);
    expect(error.message).toContain('duplicate category id "geopolitics"');
  });

  it('rejects a colour that is not hex', () => {
    const data = bundled();
    (data.categories[1] as Record<string, unknown>).color = 'blue';
    expect(loadError(writeTemp('colour.json', data)).message).toMatch(
      /categories\.1\.color: must be a hex colour/,
    );
  });

  it('rejects an id that is not a lower-case slug', () => {
    const data = bundled();
    (data.categories[2] as Record<string, unknown>).id = 'Big Economy';
    expect(loadError(writeTemp('slug.json', data)).message).toMatch(
      /categories\.2\.id: must be a lower-case slug/,
    );
  });

  it('rejects a taxonomy without the fallback category', () => {
    const data = bundled();
    data.categories = data.categories.filter((c) => c.id !== 'other');
    expect(loadError(writeTemp('no-other.json', data)).message).toContain('needs a category with id "other"');
  });

  it('rejects a file that is not JSON', () => {
    const file = writeTemp('broken.json', '{ "categories": [ ');
    expect(loadError(file).message).toMatch(/not valid JSON/);
  });

  it('rejects a missing file', () => {
    const file = join(dir, 'nope.json');
    expect(loadError(file).message).toBe(`${file}: file not found`);
  });

  it('refuses a device, a FIFO, a directory and an oversized file without reading them', () => {
    // /dev/zero would never end and a FIFO nobody writes to would block: both used to hang start-up.
    expect(loadError('/dev/zero').message).toBe('/dev/zero: is not a regular file');
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(loadError(fifo).message).toBe(`${fifo}: is not a regular file`);
    expect(loadError(dir).message).toBe(`${dir}: is a directory, not a file`);
    const big = writeTemp('big.json', ' '.repeat(1024 * 1024 + 1));
    expect(loadError(big).message).toMatch(/over the 1 MB limit$/);
  });

  it('rejects a keyword of function words only and a weight out of range', () => {
    const data = bundled();
    (data.categories[0] as Record<string, unknown>).keywords = { 'of the': 2, war: 50 };
    const message = loadError(writeTemp('keywords.json', data)).message;
    expect(message).toContain('categories.0.keywords.of the: a keyword needs a word other than');
    expect(message).toContain('categories.0.keywords.war');
  });

  it('parseTaxonomy reports problems under the name it is given', () => {
    expect(() => parseTaxonomy({ categories: [] }, 'inline')).toThrow(
      /^inline: categories: needs at least one/,
    );
  });
});
