/**
 * The Slack renderer on its own: Block Kit structure per view, mrkdwn escaping, and every Slack limit
 * on hostile and huge input. Payloads are checked with the same rules the fake Slack enforces.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import { SLACK } from '../../src/render/limits.ts';
import {
  escapeMrkdwn,
  mrkdwnLink,
  renderSlackMessages,
  SLACK_SHARE_ACTION,
  type SlackMessage,
  sanitizeUrl,
} from '../../src/render/slack.ts';
import { controlSequences, messageProblems } from '../fakes/slack/block-kit-rules.ts';
import { makeBriefing } from '../fakes/slack/news.ts';

const taxonomy = loadTaxonomy();

type AnyBlock = {
  type: string;
  text?: { type: string; text: string };
  fields?: Array<{ text: string }>;
  elements?: Array<{ type?: string; text?: unknown; action_id?: string; value?: string }>;
};
const blocks = (m: SlackMessage | undefined) => (m?.blocks ?? []) as AnyBlock[];
const mrkdwnTexts = (messages: SlackMessage[]) =>
  messages.flatMap((m) =>
    blocks(m).flatMap((b) => [
      ...(b.text?.type === 'mrkdwn' ? [b.text.text] : []),
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).filter((e) => e.type === 'mrkdwn').map((e) => String(e.text)),
    ]),
  );
const headlineLines = (messages: SlackMessage[]) =>
  mrkdwnTexts(messages).flatMap((t) => t.split('\n').filter((l) => l.startsWith('• ')));

function expectValid(messages: SlackMessage[]) {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(messageProblems(m)).toEqual([]);
    expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(SLACK.blocksCharBudget);
    expect(m.text.length).toBeLessThanOrEqual(SLACK.fallbackText);
  }
}

/** Shows every headline: for the tests of Slack's own limits on huge input. */
const ALL = { maxPerCategory: 100_000, maxHeadlines: 100_000 };

const brief = (briefing = makeBriefing(), extra: Partial<Reply> = {}, limits?: typeof ALL): Reply => ({
  view: { kind: 'brief', briefing, limits },
  visibility: 'public',
  ...extra,
});

describe('escaping', () => {
  it('escapes &, < and > so Slack shows them as typed', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> > <#C1|x>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &gt; &lt;#C1|x&gt;',
    );
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });

  it('sanitises link URLs: only http(s), and nothing that could end or split <url|label>', () => {
    expect(sanitizeUrl('https://evil.example/a?x=y|trusted.example')).toBe(
      'https://evil.example/a?x=y%7Ctrusted.example',
    );
    expect(sanitizeUrl('https://a.example/p>q<r')).not.toMatch(/[<>|]/);
    expect(sanitizeUrl('https://a.example/a b')).toBe('https://a.example/a%20b');
    expect(sanitizeUrl('javascript:alert(1)')).toBeUndefined();
    expect(sanitizeUrl('slack://channel?id=C1')).toBeUndefined();
    expect(sanitizeUrl('not a url')).toBeUndefined();
    expect(sanitizeUrl(`https://a.example/${'x'.repeat(2000)}`)).toBeUndefined();
    expect(sanitizeUrl('https://a.example/?a=1&b=2')).toBe('https://a.example/?a=1&b=2');
  });

  it('builds links with an escaped label, or the label alone when the URL is unusable', () => {
    expect(mrkdwnLink('https://a.example/', 'A <b> & c')).toBe('<https://a.example/|A &lt;b&gt; &amp; c>');
    expect(mrkdwnLink('ftp://a.example/', '<!here>')).toBe('&lt;!here&gt;');
    expect(mrkdwnLink(undefined, 'plain')).toBe('plain');
  });

  it('leaves no control sequence from the news anywhere Slack parses mrkdwn', () => {
    const reply = brief(makeBriefing({ hostile: true, headlines: 40, facts: 3 }), {
      notices: ['stale <!here>'],
    });
    const messages = renderSlackMessages(reply, taxonomy, { sharedBy: 'U0ALICE' });
    expectValid(messages);
    for (const m of messages) {
      for (const seq of controlSequences(m))
        expect(seq).toMatch(/^<(https?:\/\/[^|<>\s]+\|[^<>]*|@U0ALICE)>$/);
    }
    expect(mrkdwnTexts(messages).join('\n')).toContain('&lt;!channel&gt;');
    expect(messages[0]?.text).toContain('&lt;!here&gt;');
  });
});

describe('views', () => {
  it('renders a briefing: header, summary with link, key facts as fields, grouped headlines, footer', () => {
    const [message, ...more] = renderSlackMessages(brief(), taxonomy);
    expect(more).toEqual([]);
    expectValid([message as SlackMessage]);
    const b = blocks(message);
    expect(b[0]).toMatchObject({
      type: 'header',
      text: { type: 'plain_text', text: '📰 Central bank holds rates' },
    });
    expect(b[1]?.text?.text).toContain('<https://news.example/lead?id=1&ref=briefer|Read the full story →>');
    const facts = b.find((x) => x.fields);
    expect(facts?.fields?.map((f) => f.text.split('\n')[0])).toEqual([
      '*💰 Amounts*',
      '*📊 Percentages*',
      '*📅 Dates*',
      '*🕒 Times*',
      '*👤 People*',
      '*🏛️ Organisations*',
      '*📍 Places*',
    ]);
    const sections = mrkdwnTexts([message as SlackMessage]).join('\n');
    expect(sections).toMatch(/^\*💹 Markets\* \(2\)$/m);
    expect(sections).toMatch(/^\*🏅 Sports\* \(2\)$/m);
    expect(b.at(-1)).toMatchObject({ type: 'context' });
    expect(JSON.stringify(b.at(-1))).toContain('Example Wire · test news · 24 Nov 2026, 08:00 UTC');
    expect(message?.text.startsWith('📰 Central bank holds rates')).toBe(true);
  });

  it('renders the story alone, without headlines', () => {
    const messages = renderSlackMessages(
      { view: { kind: 'story', briefing: makeBriefing() }, visibility: 'public' },
      taxonomy,
    );
    expectValid(messages);
    expect(headlineLines(messages)).toEqual([]);
    expect(mrkdwnTexts(messages).join('\n')).toContain('Summary: 1 of 40 sentences');
  });

  it('renders one category of headlines, and says so when it is empty', () => {
    const b = makeBriefing({ headlines: 21 });
    const markets = renderSlackMessages(
      { view: { kind: 'headlines', briefing: b, category: 'markets' }, visibility: 'public' },
      taxonomy,
    );
    expectValid(markets);
    expect(blocks(markets[0])[0]?.text?.text).toBe('💹 Markets headlines (3)');
    expect(headlineLines(markets)).toHaveLength(3);
    const none = renderSlackMessages(
      { view: { kind: 'headlines', briefing: b, category: 'climate' }, visibility: 'public' },
      taxonomy,
    );
    expectValid(none);
    expect(mrkdwnTexts(none).join()).toContain('No headlines in climate today.');
  });

  it('renders help and messages', () => {
    const help = renderSlackMessages(
      {
        view: {
          kind: 'help',
          commands: [
            { name: 'brief', description: 'Today <b>', options: [] },
            {
              name: 'story',
              description: 'Lead',
              options: [{ name: 'sentences', description: 'n', type: 'integer' }],
            },
          ],
        },
        visibility: 'ephemeral',
      },
      taxonomy,
    );
    expectValid(help);
    expect(mrkdwnTexts(help).join('\n')).toContain('`/story [sentences]` — Lead');
    expect(mrkdwnTexts(help).join('\n')).toContain('Today &lt;b&gt;');

    const error = renderSlackMessages(
      {
        view: {
          kind: 'message',
          tone: 'error',
          title: 'Could not do that',
          text: 'Usage: /story [sentences] <x>',
        },
        visibility: 'ephemeral',
      },
      taxonomy,
    );
    expectValid(error);
    expect(error[0]?.text).toBe('Could not do that: Usage: /story [sentences] &lt;x&gt;');
    expect(blocks(error[0])[0]?.text?.text).toBe(
      '⚠️ *Could not do that*\nUsage: /story [sentences] &lt;x&gt;',
    );
  });

  it('shows notices first, escaped, at most three', () => {
    const [m] = renderSlackMessages(
      brief(makeBriefing(), { notices: ['one <!here>', 'two', 'three', 'four'] }),
      taxonomy,
    );
    const first = blocks(m)[0];
    expect(first?.type).toBe('context');
    expect(first?.elements?.map((e) => e.text)).toEqual(['⚠️ one &lt;!here&gt;', '⚠️ two', '⚠️ three']);
  });
});

describe('share button and attribution', () => {
  it('adds the share button to the last message only, carrying the value', () => {
    const messages = renderSlackMessages(brief(makeBriefing({ headlines: 300 }), {}, ALL), taxonomy, {
      shareValue: '{"c":"brief","t":""}',
    });
    expect(messages.length).toBeGreaterThan(1);
    const buttons = messages.map((m) => blocks(m).filter((b) => b.type === 'actions'));
    expect(buttons.slice(0, -1).flat()).toEqual([]);
    expect(buttons.at(-1)?.[0]?.elements?.[0]).toMatchObject({
      action_id: SLACK_SHARE_ACTION,
      value: '{"c":"brief","t":""}',
    });
  });

  it('leaves the button out rather than exceed the 2,000-character value limit', () => {
    const [m] = renderSlackMessages(brief(), taxonomy, { shareValue: 'x'.repeat(SLACK.actionValue + 1) });
    expect(blocks(m).some((b) => b.type === 'actions')).toBe(false);
  });

  it('splits the same way with the button, with a closing note, or with neither', () => {
    const reply = brief(makeBriefing({ headlines: 400, headlineChars: 200 }), {}, ALL);
    const shape = (ms: SlackMessage[]) => ms.map((m) => headlineLines([m]).length);
    const plain = renderSlackMessages(reply, taxonomy);
    expect(shape(renderSlackMessages(reply, taxonomy, { shareValue: '{"c":"brief","t":"10"}' }))).toEqual(
      shape(plain),
    );
    expect(shape(renderSlackMessages(reply, taxonomy, { closingNote: '✓ Shared' }))).toEqual(shape(plain));
  });

  it('names who shared with a real mention, and only for a valid user id', () => {
    const [shared] = renderSlackMessages(brief(), taxonomy, { sharedBy: 'U0ALICE' });
    expect(blocks(shared)[0]?.elements?.[0]?.text).toBe('📣 Shared by <@U0ALICE>');
    const [forged] = renderSlackMessages(brief(), taxonomy, { sharedBy: 'U1> <!channel' });
    expect(JSON.stringify(forged)).not.toContain('Shared by');
  });
});

describe('limits on huge input', () => {
  it('splits 200 headlines into valid messages and shows every one of them', () => {
    const messages = renderSlackMessages(brief(makeBriefing({ headlines: 200 }), {}, ALL), taxonomy, {
      shareValue: 'v',
    });
    expectValid(messages);
    expect(messages.length).toBeGreaterThan(1);
    expect(headlineLines(messages)).toHaveLength(200);
    messages.slice(1).forEach((m, i) => {
      expect(blocks(m)[0]?.elements?.[0]?.text).toBe(`_continued (${i + 2}/${messages.length})_`);
    });
  });

  it('cuts 2,000 long headlines to five messages, counting what was left out, footer last', () => {
    const messages = renderSlackMessages(
      brief(makeBriefing({ headlines: 2000, headlineChars: 600 }), {}, ALL),
      taxonomy,
      {
        shareValue: 'v',
      },
    );
    expectValid(messages);
    expect(messages).toHaveLength(SLACK.responseUrlPosts);
    const shown = headlineLines(messages).length;
    const note = /…and (\d+) more headlines not shown/.exec(mrkdwnTexts(messages).join('\n'));
    expect(shown + Number(note?.[1])).toBe(2000);
    const last = blocks(messages.at(-1));
    expect(JSON.stringify(last.at(-2))).toContain('24 Nov 2026');
    expect(last.at(-1)?.type).toBe('actions');
  });

  it('honours maxMessages, down to one', () => {
    const b = makeBriefing({ headlines: 500 });
    for (const maxMessages of [1, 2, 10]) {
      const messages = renderSlackMessages(brief(b, {}, ALL), taxonomy, { maxMessages });
      expectValid(messages);
      expect(messages.length).toBeLessThanOrEqual(maxMessages);
    }
    expect(renderSlackMessages(brief(b, {}, ALL), taxonomy, { maxMessages: 10 }).length).toBeGreaterThan(5);
  });

  it('keeps a 50 kB story, a 5,000-character title and hundreds of key facts within every limit', () => {
    const b = makeBriefing({ summaryChars: 50_000, titleChars: 5000, facts: 100, headlines: 5 });
    for (const view of [
      { kind: 'brief' as const, briefing: b },
      { kind: 'story' as const, briefing: b },
    ]) {
      const messages = renderSlackMessages({ view, visibility: 'public' }, taxonomy);
      expectValid(messages);
      const header = blocks(messages[0]).find((x) => x.type === 'header');
      expect(header?.text?.text.length).toBeLessThanOrEqual(SLACK.headerText);
      expect(header?.text?.text.endsWith('…')).toBe(true);
      const facts = blocks(messages[0]).find((x) => x.fields)?.fields ?? [];
      expect(facts.length).toBe(7);
      for (const f of facts) expect(f.text).toMatch(/ \+\d+ more$/);
    }
  });

  it('never cuts an escape in half or splits an emoji when truncating', () => {
    const b = makeBriefing({ headlines: 3 });
    b.lead.title = '📰'.repeat(200);
    b.lead.summary = [{ text: '&'.repeat(5000), paragraph: 0, sentence: 0, index: 0 }];
    b.lead.keyFacts = Array.from({ length: 50 }, () => ({ type: 'money' as const, text: '<&>'.repeat(40) }));
    const messages = renderSlackMessages(brief(b), taxonomy);
    expectValid(messages);
    for (const text of [...mrkdwnTexts(messages), messages[0]?.text ?? '']) {
      // Link URLs keep their raw `&`; everywhere else every `&` starts a whole escape.
      expect(text.replace(/<https?:[^|>]*\|/g, '<')).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(blocks(messages[0])[1]?.text?.text.length).toBeGreaterThan(2500);
    const header = blocks(messages[0])[0]?.text?.text ?? '';
    expect(header).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('survives many random briefings', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 25; i++) {
      const b = makeBriefing({
        headlines: rand(400),
        headlineChars: 20 + rand(900),
        facts: rand(30),
        summaryChars: 1 + rand(20_000),
        titleChars: 1 + rand(400),
        hostile: rand(2) === 0,
      });
      const view = [
        { kind: 'brief' as const, briefing: b },
        { kind: 'headlines' as const, briefing: b },
        { kind: 'story' as const, briefing: b },
      ][rand(3)];
      expectValid(
        renderSlackMessages({ view: view as Reply['view'], visibility: 'public' }, taxonomy, {
          shareValue: 'v',
        }),
      );
    }
  });
});
