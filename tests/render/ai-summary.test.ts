/** Every front end says which summary it shows: "AI summary" for a model's, the sentence count otherwise. */
import { describe, expect, it } from 'vitest';
import { withModelSummary } from '../../src/core/model-summary.ts';
import type { Reply } from '../../src/core/reply.ts';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import { briefingToJson } from '../../src/render/briefing-json.ts';
import { renderDiscordMessages } from '../../src/render/discord.ts';
import { storyMarkdown } from '../../src/render/markdown.ts';
import { renderSlackMessages } from '../../src/render/slack.ts';
import { renderText } from '../../src/render/text.ts';
import { makeBriefing } from '../helpers/briefing.ts';

const taxonomy = loadTaxonomy();
const extractive = makeBriefing();
const model = withModelSummary(extractive, {
  sentences: ['A plain-language first sentence.', 'A second one.'],
  whyItMatters: 'It changes prices.',
  overview: 'A busy day.',
  model: 'llama3.1',
});
const story = (briefing: typeof model): Reply => ({
  view: { kind: 'story', briefing },
  visibility: 'public',
});

describe('AI summary label', () => {
  it('console text', () => {
    const text = renderText(story(model), taxonomy);
    expect(text).toContain(
      '  A plain-language first sentence.\n  A second one.\n  Why it matters: It changes prices.',
    );
    expect(text).toContain('(AI summary (llama3.1))');
    expect(text).not.toContain('The first sentence.');
    // Key facts stay extractive, beside the model's text.
    expect(text).toContain('$5 billion');
    expect(renderText(story(extractive), taxonomy)).not.toContain('AI summary');
  });

  it('Discord', () => {
    const [page] = renderDiscordMessages(story(model), taxonomy);
    const lead = page?.embeds?.[0];
    expect(lead?.author?.name).toContain('AI summary (llama3.1)');
    expect(lead?.description).toContain('A plain-language first sentence. A second one.');
    expect(lead?.description).toContain('Why it matters: It changes prices.');
    const [plain] = renderDiscordMessages(story(extractive), taxonomy);
    expect(plain?.embeds?.[0]?.author?.name).toContain('1 of 4 sentences');
  });

  it('Slack', () => {
    const json = JSON.stringify(renderSlackMessages(story(model), taxonomy));
    expect(json).toContain('AI summary (llama3.1)');
    expect(json).toContain('A plain-language first sentence.');
    expect(JSON.stringify(renderSlackMessages(story(extractive), taxonomy))).toContain(
      'Summary: 1 of 4 sentences',
    );
  });

  it('Markdown', () => {
    expect(storyMarkdown(model)).toContain('_AI summary \\(llama3\\.1\\)_');
    expect(storyMarkdown(extractive)).not.toContain('AI summary');
  });

  it('JSON says which summary and which model', () => {
    const json: Record<string, unknown> = briefingToJson(model).lead;
    expect(json.summaryKind).toBe('model');
    expect(json.model).toBe('llama3.1');
    expect(json.summary).toEqual(['A plain-language first sentence.', 'A second one.']);
    expect(json.whyItMatters).toBe('It changes prices.');
    expect(json.overview).toBe('A busy day.');
    expect(json.extractiveSummary).toEqual(['The first sentence.']);
    const plain: Record<string, unknown> = briefingToJson(extractive).lead;
    expect(plain.summaryKind).toBe('extractive');
    expect(plain.summary).toEqual(['The first sentence.']);
    expect('model' in plain).toBe(false);
  });
});
