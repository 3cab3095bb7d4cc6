import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import { briefingMarkdown, headlinesMarkdown, storyMarkdown } from '../../src/render/markdown.ts';
import { manyHeadlines, outletsBriefing } from '../helpers/outlets-briefing.ts';

const taxonomy = loadTaxonomy();
const b = outletsBriefing([
  {
    title: 'Clinics change (visiting) rules',
    category: 'health',
    confidence: 0.05,
    hoursAgo: 2,
    outlets: [
      { name: 'BBC', url: 'https://www.bbc.co.uk/news/clinics_(uk)?utm_source=rss&amp;utm_medium=feed' },
      { name: 'NPR', url: 'https://npr.example/c?ref=rss' },
      { name: 'Reuters' },
    ],
  },
  ...manyHeadlines('markets', 7),
]);

describe('markdown', () => {
  it('lists the lead’s other outlets, each linked, after the summary', () => {
    expect(storyMarkdown(b)).toContain(
      '**Also reported by:** [BBC](https://www.bbc.co.uk/news/rates), [Reuters](https://reuters.example/rates), NPR',
    );
    expect(storyMarkdown(b)).toMatch(
      /^## \[Central bank cuts rates by half a point\]\(https:\/\/wire\.example\/rates\?id=1\)/,
    );
  });

  it('shows every outlet name of a headline, its age and a guessed category, with clean, unbreakable links', () => {
    expect(headlinesMarkdown(b, taxonomy)).toContain(
      '- [Clinics change \\(visiting\\) rules](https://www.bbc.co.uk/news/clinics_%28uk%29) — ' +
        '[BBC](https://www.bbc.co.uk/news/clinics_%28uk%29), [NPR](https://npr.example/c), Reuters · 2 h ago · likely Health',
    );
  });

  it('is brief too: 5 a category, the rest counted', () => {
    const md = headlinesMarkdown(b, taxonomy);
    expect(md).toContain('### 💹 Markets (7)');
    expect(md.match(/^- markets story/gm)).toHaveLength(5);
    expect(md).toContain('- _…and 2 more_');
    expect(md).toContain('_…and 2 more headlines_');
    expect(
      briefingMarkdown(b, taxonomy, { limits: { maxPerCategory: 10, maxHeadlines: 100 } }),
    ).not.toContain('more');
  });
});
