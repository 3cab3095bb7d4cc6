import { describe, expect, it } from 'vitest';
import { cleanInline } from '../../src/core/clean-text.ts';

describe('cleanInline', () => {
  it('decodes entities and strips tags, including double-encoded markup', () => {
    expect(cleanInline('Stocks &amp; bonds <b>rally</b>')).toBe('Stocks & bonds rally');
    expect(cleanInline('&lt;p&gt;Fed holds&lt;/p&gt;')).toBe('Fed holds');
    expect(cleanInline('Caf&eacute; &#8220;quotes&#8221; &rsquo;')).toBe('Café “quotes” ’');
    expect(cleanInline('a<br/>b<!-- hidden -->c')).toBe('a b c');
  });

  it('keeps text that only looks like markup', () => {
    expect(cleanInline('Profits < forecast as costs > revenue')).toBe(
      'Profits < forecast as costs > revenue',
    );
    expect(cleanInline('<@123> and <!channel> stay visible')).toBe('<@123> and <!channel> stay visible');
  });

  it('removes invisible and control characters and collapses whitespace', () => {
    expect(cleanInline('\u200Bzero\u200Dwidth\u202Eevil\u0007bell \t\n  spaced\uFEFF')).toBe(
      'zerowidthevilbell spaced',
    );
  });

  it('keeps emoji, accents and non-Latin scripts', () => {
    expect(cleanInline('🚀 Zürich 東京 Москва')).toBe('🚀 Zürich 東京 Москва');
  });
});

describe('cleanInline and inline markup', () => {
  it('removes inline tags without splitting words, block tags with a space', () => {
    expect(cleanInline('approved <em>Nature</em>’s study')).toBe('approved Nature’s study');
    expect(cleanInline('<a href="/x">Link</a>ed')).toBe('Linked');
    expect(cleanInline('one<p>two</p>three')).toBe('one two three');
  });
});
