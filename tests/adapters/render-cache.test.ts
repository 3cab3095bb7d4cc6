import { describe, expect, it } from 'vitest';
import { RenderCache } from '../../src/adapters/render-cache.ts';
import { makeBriefing } from '../fakes/slack/news.ts';

describe('RenderCache', () => {
  it('renders a briefing again for other headline limits, and reuses it for the same', () => {
    const cache = new RenderCache();
    const briefing = makeBriefing();
    const reply = (maxHeadlines: number) => ({
      view: { kind: 'brief' as const, briefing, limits: { maxPerCategory: 5, maxHeadlines } },
      visibility: 'public' as const,
    });
    expect(cache.render(reply(40), 'k', () => 'forty')).toBe('forty');
    expect(cache.render(reply(3), 'k', () => 'three')).toBe('three');
    expect(cache.render(reply(40), 'k', () => 'again')).toBe('forty');
    expect(cache.stats).toEqual({ made: 2, reused: 1 });
  });
});
