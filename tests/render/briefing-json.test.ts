import { describe, expect, it } from 'vitest';
import { briefingToJson } from '../../src/render/briefing-json.ts';
import { manyHeadlines, outletsBriefing } from '../helpers/outlets-briefing.ts';

describe('briefingToJson', () => {
  const b = outletsBriefing([
    {
      title: 'Clinics change visiting rules',
      category: 'health',
      hoursAgo: 2,
      outlets: [
        { name: 'BBC', url: 'https://www.bbc.co.uk/news/clinics?at_medium=RSS&amp;at_campaign=KARANGA' },
        { name: 'NPR' },
      ],
    },
    ...manyHeadlines('markets', 60),
  ]);
  const json = briefingToJson(b);

  it('keeps every headline: the chat limits do not apply', () => {
    expect(json.headlines).toHaveLength(61);
  });

  it('gives each headline its story id, outlets with clean links and date', () => {
    expect(json.headlines[0]).toEqual({
      title: 'Clinics change visiting rules',
      category: 'health',
      confidence: 0.99,
      url: 'https://www.bbc.co.uk/news/clinics',
      source: 'BBC',
      publishedAt: '2026-11-25T10:00:00.000Z',
      storyId: 'story-0',
      outlets: [{ name: 'BBC', url: 'https://www.bbc.co.uk/news/clinics' }, { name: 'NPR' }],
    });
  });

  it('gives the lead its story id and every outlet carrying it, links clean', () => {
    expect(json.lead.url).toBe('https://wire.example/rates?id=1');
    expect(json.lead.storyId).toBe('lead-story');
    expect(json.lead.outlets.map((o) => o.name)).toEqual(['Wire', 'BBC', 'Reuters', 'NPR']);
    expect(json.lead.outlets[2]).toEqual({ name: 'Reuters', url: 'https://reuters.example/rates' });
  });
});
