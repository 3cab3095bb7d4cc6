import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import { renderText } from '../../src/render/text.ts';
import { manyHeadlines, outletsBriefing } from '../helpers/outlets-briefing.ts';

const taxonomy = loadTaxonomy();
const text = (view: Reply['view']) => renderText({ view, visibility: 'public' }, taxonomy);

const b = outletsBriefing([
  {
    title: 'Clinics change visiting rules',
    category: 'health',
    confidence: 0.05,
    hoursAgo: 35 / 60,
    outlets: [
      { name: 'BBC', url: 'https://www.bbc.co.uk/news/clinics?at_medium=RSS&amp;at_campaign=KARANGA' },
      { name: 'NPR' },
      { name: 'Reuters' },
      { name: 'AP' },
    ],
  },
  { title: 'Striker scores twice', category: 'sports', hoursAgo: 30, outlets: [{ name: 'Sport Daily' }] },
  ...manyHeadlines('markets', 8),
]);

describe('renderText: /brief', () => {
  const out = text({ kind: 'brief', briefing: b });

  it('shows the lead once, with the other outlets that carry it and their clean links', () => {
    expect(out).toContain('📰 Central bank cuts rates by half a point\nhttps://wire.example/rates?id=1\n');
    expect(out).toContain('Also reported by: BBC, Reuters, NPR\n');
    expect(out).toContain(
      '  BBC: https://www.bbc.co.uk/news/rates\n  Reuters: https://reuters.example/rates\n',
    );
    expect(out.match(/Central bank cuts rates/g)).toHaveLength(1);
  });

  it('gives each headline its outlets, its age, a guessed category as such, and a clean link', () => {
    expect(out).toContain(
      '  • Clinics change visiting rules — BBC and 3 others · 35 min ago · likely Health\n    https://www.bbc.co.uk/news/clinics\n',
    );
    expect(out).toContain('  • Striker scores twice — Sport Daily · yesterday');
  });

  it('shows 5 of the 8 markets headlines and counts the rest, per category and in all', () => {
    expect(out).toContain('🗞️  Headlines (7 of 10)');
    expect(out).toMatch(/Markets \(8\)\n( {2}• markets story \d+ — markets-outlet-0\n){5} {2}…and 3 more\n/);
    expect(out).toContain('\n…and 3 more headlines');
  });

  it('follows the limits the view carries', () => {
    const limited = text({ kind: 'brief', briefing: b, limits: { maxPerCategory: 1, maxHeadlines: 2 } });
    expect(limited).toContain('Headlines (2 of 10)');
    expect(limited).toContain('…and 8 more headlines');
  });
});

describe('renderText: /headlines <category>', () => {
  it('shows up to the overall limit of one category', () => {
    const out = text({ kind: 'headlines', briefing: b, category: 'markets' });
    expect(out.match(/• markets story/g)).toHaveLength(8);
    expect(out).not.toContain('more');
  });
});
