/** Slack: the brief briefing — limits and counts, outlets, age, the lead once with its other outlets, likely categories. */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import { renderSlackMessages, type SlackMessage } from '../../src/render/slack.ts';
import { controlSequences, messageProblems } from '../fakes/slack/block-kit-rules.ts';
import { manyHeadlines, outletsBriefing } from '../helpers/outlets-briefing.ts';

const taxonomy = loadTaxonomy();
const render = (view: Reply['view']) => renderSlackMessages({ view, visibility: 'public' }, taxonomy);
const mrkdwn = (messages: SlackMessage[]) =>
  JSON.stringify(messages.map((m) => m.blocks))
    .match(/"type":"mrkdwn","text":"((?:[^"\\]|\\.)*)"/g)
    ?.map((s) => JSON.parse(`{${s}}`).text as string)
    .join('\n') ?? '';

const b = outletsBriefing(
  [
    {
      title: 'Clinics change visiting rules',
      category: 'health',
      confidence: 0.05,
      hoursAgo: 26,
      outlets: [
        { name: 'BBC', url: 'https://www.bbc.co.uk/news/clinics?at_medium=RSS&amp;at_campaign=KARANGA' },
        { name: 'NPR' },
        { name: 'Reuters' },
      ],
    },
    { title: 'Rates cut, the same story again', category: 'economy', storyId: 'lead-story' },
    ...manyHeadlines('markets', 9),
  ],
  {
    outlets: [
      { name: 'Wire', url: 'https://wire.example/rates?id=1' },
      { name: '<!channel> News', url: 'https://evil.example/a?q=1|x&utm_source=rss' },
      { name: 'Reporter <@U123ABC>' },
      { name: 'A & B' },
    ],
  },
);
const messages = render({ kind: 'brief', briefing: b });
const text = mrkdwn(messages);

describe('Slack /brief', () => {
  it('stays within Slack’s limits and executes no control sequence from the news', () => {
    for (const m of messages) {
      expect(messageProblems(m)).toEqual([]);
      for (const seq of controlSequences(m)) expect(seq).toMatch(/^<https?:\/\/[^|<>\s]+\|[^<>]*>$/);
    }
  });

  it('shows the lead once, with the other outlets carrying it as links, escaped', () => {
    expect(text).toContain(
      '*Also reported by:* <https://evil.example/a?q=1%7Cx|&lt;!channel&gt; News>, Reporter &lt;@U123ABC&gt;, A &amp; B',
    );
    expect(text).not.toContain('the same story again');
  });

  it('gives a headline its first outlet and the count of the others, its age and a likely category', () => {
    expect(text).toContain(
      '• <https://www.bbc.co.uk/news/clinics|Clinics change visiting rules> · _BBC and 2 others · yesterday · likely Health_',
    );
  });

  it('shows 5 of 9 market headlines with the count of the rest, and the overall count', () => {
    expect(text).toMatch(
      /\*💹 Markets\* \(9\)\n(• markets story \d+ · _markets-outlet-0_\n){5}_…and 4 more_/,
    );
    expect(text).toContain('_…and 4 more headlines_');
    const header = messages[0]?.blocks.find(
      (x) => x.type === 'header' && JSON.stringify(x).includes('Headlines'),
    );
    expect(JSON.stringify(header)).toContain('Headlines (6 of 10)');
  });
});
