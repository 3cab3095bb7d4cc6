import { describe, expect, it } from 'vitest';
import { chunkLines, truncate } from '../../src/render/truncate.ts';

describe('truncate', () => {
  it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('the quick brown fox jumps over the lazy dog', 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toBe('the quick brown fox…');
  });

  it('never splits an emoji in two', () => {
    const cut = truncate(`${'a'.repeat(8)}😀😀😀`, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('handles tiny limits', () => {
    expect(truncate('abcdef', 1)).toBe('…');
    expect(truncate('abcdef', 0)).toBe('');
  });
});

describe('chunkLines', () => {
  it('packs lines into chunks within the limit, splitting nothing but over-long lines', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(30)}`);
    const chunks = chunkLines(lines, 200);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(200);
    expect(chunks.join('\n').split('\n')).toEqual(lines);
    const long = chunkLines(['y'.repeat(500)], 100);
    expect(long).toHaveLength(1);
    expect(long[0]?.length).toBeLessThanOrEqual(100);
  });
});
