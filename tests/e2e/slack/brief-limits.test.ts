/**
 * A briefing is brief, end to end: the limits come from the configuration (BRIEFER_MAX_PER_CATEGORY,
 * BRIEFER_MAX_HEADLINES) through the commands to the Slack renderer; what is left out is counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNews } from '../../fakes/slack/news.ts';
import { type SlackHarness, startSlackHarness } from './harness.ts';

const sections = (replies: Array<Record<string, unknown>>) =>
  replies.flatMap((r) =>
    (r.blocks as Array<{ type: string; text?: { text: string } }>)
      .filter((b) => b.type === 'section' && b.text?.text.startsWith('*'))
      .map((b) => b.text?.text ?? ''),
  );

async function brief(h: SlackHarness) {
  const { responseId } = await h.command('/brief');
  const replies = await h.replies(responseId);
  const all = JSON.stringify(replies);
  const heading = /Headlines \((\d+) of (\d+)\)/.exec(all);
  const lines = sections(replies).flatMap((s) => s.split('\n').filter((l) => l.startsWith('• ')));
  return { all, shown: Number(heading?.[1]), total: Number(heading?.[2]), lines, replies };
}

describe.each<{ env: Record<string, string>; perCategory: number; max: number }>([
  { env: {}, perCategory: 5, max: 40 },
  { env: { BRIEFER_MAX_PER_CATEGORY: '2', BRIEFER_MAX_HEADLINES: '7' }, perCategory: 2, max: 7 },
])('/brief with $env', ({ env, perCategory, max }) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ news: makeNews({ headlines: 120 }), env });
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`shows at most ${perCategory} a category and ${max} in all, and counts the rest`, async () => {
    const { all, shown, total, lines, replies } = await brief(h);
    const groups = sections(replies).map((s) => ({
      total: Number(/^\*[^*]+\* \((\d+)\)/.exec(s)?.[1]),
      shown: s.split('\n').filter((l) => l.startsWith('• ')).length,
    }));
    expect(total).toBe(groups.reduce((n, g) => n + g.total, 0));
    expect(shown).toBe(
      Math.min(
        max,
        groups.reduce((n, g) => n + Math.min(perCategory, g.total), 0),
      ),
    );
    expect(lines).toHaveLength(shown);
    for (const g of groups) {
      expect(g.shown).toBeLessThanOrEqual(perCategory);
      if (g.shown < g.total) expect(all).toContain(`_…and ${g.total - g.shown} more_`);
    }
    expect(all).toContain(`…and ${total - shown} more headlines`);
  });
});
