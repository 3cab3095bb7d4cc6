/**
 * Reply → Slack messages: Block Kit blocks plus the `text` fallback Slack shows in notifications.
 *
 * Every Slack limit is enforced here, so whatever the news looks like (200 headlines, a 50 kB story,
 * a headline that says `<!channel>`), the payloads this returns are accepted by Slack:
 * - untrusted text is escaped for mrkdwn (`&`, `<`, `>`) and link URLs are sanitised;
 * - headers ≤ 150, sections ≤ 3,000, fields ≤ 2,000 characters, ≤ 10 fields and context elements;
 * - each message ≤ 50 blocks and within the ~12k-character budget before `msg_blocks_too_long`;
 * - a reply too big for one message is split into several (at most `maxMessages`); what still
 *   does not fit is cut with a note saying how many headlines were left out.
 *
 * Used by the slash-command adapter (ephemeral replies, shares) and reusable as is for any
 * `chat.postMessage` (the daily digest): each returned message is one post.
 */
import type { types } from '@slack/bolt';
import type { CommandDefinition } from '../core/command-definition.ts';
import { usageOf } from '../core/command-definition.ts';
import type { Reply, View } from '../core/reply.ts';
import type { Briefing } from '../core/schemas.ts';
import type { Category, Taxonomy } from '../core/taxonomy.ts';
import { findCategory } from '../core/taxonomy-lookup.ts';
import {
  ALSO_REPORTED_BY,
  footerLine,
  type HeadlineSelection,
  type HeadlineView,
  headlineMeta,
  keyFactsByType,
  leadSummary,
  leadSummaryText,
  leadView,
  moreHeadlinesNote,
  moreNote,
  type OutletView,
  outletsLabel,
  selectHeadlines,
} from './briefing-view.ts';
import { KEY_FACT_LABELS } from './labels.ts';
import { type HeadlineLimits, SLACK } from './limits.ts';
import { joinWithin, truncate } from './truncate.ts';
import { percentEncodeChars } from './url-escape.ts';

export type SlackBlock = types.KnownBlock;

/** One Slack message: what goes into one `respond()` or `chat.postMessage` call. */
export interface SlackMessage {
  /** Notification and accessibility fallback, mrkdwn-escaped. Always set. */
  text: string;
  blocks: SlackBlock[];
}

export interface SlackRenderOptions {
  /**
   * Most messages to produce (default 5: a `response_url` accepts five posts). Content beyond this is
   * cut, with a note saying what was left out.
   */
  maxMessages?: number;
  /** Adds a "Share to channel" button (action {@link SLACK_SHARE_ACTION}) carrying this value. */
  shareValue?: string;
  /** Slack user id of whoever shared the reply; shown as "Shared by @user" on the first message. */
  sharedBy?: string;
  /** A context line closing the last message (e.g. "Shared to the channel"), escaped here. */
  closingNote?: string;
}

/** `action_id` of the "Share to channel" button. */
export const SLACK_SHARE_ACTION = 'briefer_share';

// Presentation bounds chosen for readability; Slack's own limits live in limits.ts.
/** A headline title longer than this is cut; escaped it stays far below a section's 3,000. */
const HEADLINE_TITLE_MAX = 300;
/** A link longer than this is dropped (the title is still shown) rather than eat a section. */
const URL_MAX = 1000;
/** Each outlet name is cut to this. */
const SOURCE_MAX = 80;
/** The lead's "Also reported by" line: whole links, as many as fit, then "and N others". */
const ALSO_MAX = 1500;
/** Per key-fact field, so seven fields stay well inside one message. */
const FACT_FIELD_MAX = 500;
const NOTICE_MAX = 500;
const NOTICES_SHOWN = 3;
const SUMMARY_MAX = SLACK.sectionText;
/** Room kept in every message for the "continued (2/3)" label. */
const PART_LABEL_RESERVE = 120;
/** Room kept for the "Shared by" line, closing note and share button (at most three blocks). */
const EXTRAS_RESERVE = 800;
const EXTRA_BLOCKS = 3;

// ---------------------------------------------------------------------------------------------
// Escaping

/**
 * Escapes untrusted text for mrkdwn: `&`, `<` and `>` are Slack's control characters, so after this
 * `<!channel>` or `<@U123>` in a headline is shown as typed and notifies no one.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An http(s) URL made safe to put inside `<url|label>`: `|`, `<`, `>` and whitespace would end or
 * split the link, so they are percent-encoded. Anything that is not http(s) gives undefined.
 */
export function sanitizeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const safe = percentEncodeChars(parsed.href, /[|<>\s]/g);
  return safe.length <= URL_MAX ? safe : undefined;
}

/** `<url|label>` with the label escaped, or the escaped label alone when the URL is unusable. */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const safe = sanitizeUrl(url);
  const text = escapeMrkdwn(label);
  return safe ? `<${safe}|${text}>` : text;
}

/**
 * Escapes `plain` and cuts it (before escaping, so no `&amp;` is ever cut in half) to at most `max`
 * characters once escaped.
 */
function fitEscaped(plain: string, max: number): string {
  let limit = max;
  for (;;) {
    const out = escapeMrkdwn(truncate(plain, limit));
    if (out.length <= max) return out;
    // Escaping grew the text by out.length / limit; shrink the cut in proportion (at least by one).
    limit = Math.max(1, Math.min(limit - 1, Math.floor((limit * max) / out.length)));
  }
}

/** Items joined by `sep`, escaped, as many as fit in `max`, then "+N more". */
function fitList(items: readonly string[], sep: string, max: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < items.length; i++) {
    const piece = escapeMrkdwn(items[i] ?? '');
    const more = i < items.length - 1 ? ` +${items.length - i - 1} more` : '';
    const next = length + (out.length ? sep.length : 0) + piece.length;
    if (next + more.length > max) {
      const rest = ` +${items.length - i} more`;
      if (out.length === 0) return `${fitEscaped(items[i] ?? '', max - rest.length)}${rest}`;
      return `${out.join(sep)}${rest}`;
    }
    out.push(piece);
    length = next;
  }
  return out.join(sep);
}

// ---------------------------------------------------------------------------------------------
// Blocks

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text, emoji: true });
const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text });

function header(text: string): SlackBlock {
  return { type: 'header', text: plain(truncate(text.trim() || 'Briefer', SLACK.headerText)) };
}

/** `text` must already be mrkdwn (escaped); it is only bounded here. */
function section(text: string): SlackBlock {
  return {
    type: 'section',
    text: mrkdwn(text.length <= SLACK.sectionText ? text : truncate(text, SLACK.sectionText)),
  };
}

function context(texts: readonly string[]): SlackBlock {
  return {
    type: 'context',
    elements: texts.slice(0, SLACK.contextElements).map((t) => mrkdwn(truncate(t, SLACK.contextText))),
  };
}

function shareButton(value: string): SlackBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: SLACK_SHARE_ACTION,
        text: plain(truncate('📣 Share to channel', SLACK.buttonText)),
        value,
      },
    ],
  };
}

/**
 * A piece of a reply that is never split across messages: a block, the plain text it stands for
 * (for the fallback), and how many headlines it carries (to say how many were cut).
 */
interface Unit {
  block: SlackBlock;
  plain: string;
  headlines: number;
  /** The footer stays last: when content is cut it is kept and the cut note goes before it. */
  footer?: boolean;
}

const sizeOf = (block: SlackBlock): number => JSON.stringify(block).length;

// ---------------------------------------------------------------------------------------------
// Views → units

function noticeUnits(notices: readonly string[] | undefined): Unit[] {
  const shown = (notices ?? []).slice(0, NOTICES_SHOWN);
  if (shown.length === 0) return [];
  return [
    {
      block: context(shown.map((n) => `⚠️ ${fitEscaped(n, NOTICE_MAX)}`)),
      plain: shown.map((n) => `⚠️ ${n}`).join('\n'),
      headlines: 0,
    },
  ];
}

function headerUnit(text: string): Unit {
  return { block: header(text), plain: text, headlines: 0 };
}

function storyUnits(b: Briefing): Unit[] {
  const lead = leadView(b);
  const units: Unit[] = [headerUnit(`📰 ${lead.title}`)];

  const link = sanitizeUrl(lead.url);
  const linkLine = link ? `\n<${link}|Read the full story →>` : '';
  const summaryPlain = leadSummaryText(b) || 'No summary available.';
  units.push({
    block: section(`${fitEscaped(summaryPlain, SUMMARY_MAX - linkLine.length)}${linkLine}`),
    plain: summaryPlain,
    headlines: 0,
  });

  const { label } = leadSummary(b);
  const condensed = label.startsWith('AI summary') ? label : `Summary: ${label}`;
  units.push({ block: context([escapeMrkdwn(condensed)]), plain: '', headlines: 0 });

  if (lead.alsoReportedBy.length) {
    units.push({
      block: context([alsoReportedLine(lead.alsoReportedBy)]),
      plain: `${ALSO_REPORTED_BY}: ${lead.alsoReportedBy.map((o) => o.name).join(', ')}`,
      headlines: 0,
    });
  }

  const facts = keyFactsByType(b.lead.keyFacts).slice(0, SLACK.sectionFields);
  if (facts.length) {
    const fields = facts.map((g) => {
      const { emoji, label } = KEY_FACT_LABELS[g.type];
      const head = `*${emoji} ${label}*\n`;
      return mrkdwn(
        `${head}${fitList(g.facts, ' · ', Math.min(FACT_FIELD_MAX, SLACK.sectionFieldText) - head.length)}`,
      );
    });
    units.push({
      block: { type: 'section', fields },
      plain: facts.map((g) => `${KEY_FACT_LABELS[g.type].label}: ${g.facts.join(', ')}`).join('\n'),
      headlines: 0,
    });
  }
  return units;
}

/** "*Also reported by:* <…|BBC>, <…|Reuters>, NPR and 4 others", links never cut. */
function alsoReportedLine(outlets: readonly OutletView[]): string {
  const head = `*${ALSO_REPORTED_BY}:* `;
  const items = outlets.map((o) => mrkdwnLink(o.url, truncate(o.name, SOURCE_MAX)));
  const others = (n: number) => ` and ${n} other${n === 1 ? '' : 's'}`;
  return `${head}${joinWithin(items, ', ', ALSO_MAX - head.length, others)}`;
}

/** "• <url|Title> · _BBC and 3 others · 2 h ago_ · likely Health" */
function headlineLine(h: HeadlineView, category: Category): string {
  const title = truncate(h.title, HEADLINE_TITLE_MAX);
  const outlets = outletsLabel(
    h.outlets.map((o) => ({ name: truncate(o.name, SOURCE_MAX) })),
    escapeMrkdwn,
  );
  const meta = [outlets, ...headlineMeta(h, category).map(escapeMrkdwn)].filter(Boolean).join(' · ');
  return `• ${mrkdwnLink(h.url, title)}${meta ? ` · _${meta}_` : ''}`;
}

/** Headlines by category: one or more sections per category, each within a section's limit. */
function headlineUnits(selection: HeadlineSelection, only?: string): Unit[] {
  const units: Unit[] = [];
  for (const { category, headlines, total, hidden } of selection.groups) {
    const name = `${category.emoji} ${escapeMrkdwn(category.label)}`;
    const plainName = `${category.emoji} ${category.label}`;
    let head = `*${name}* (${total})`;
    let lines: string[] = [];
    let plainLines: string[] = [];
    let count = 0;
    const flush = () => {
      if (lines.length === 0) return;
      units.push({
        block: section([head, ...lines].join('\n')),
        plain: [plainName, ...plainLines].join('\n'),
        headlines: count,
      });
      head = `*${name}* (continued)`;
      lines = [];
      plainLines = [];
      count = 0;
    };
    const add = (line: string, plainLine: string, isHeadline: boolean) => {
      if ([head, ...lines, line].join('\n').length > SLACK.sectionText) flush();
      lines.push(line);
      plainLines.push(plainLine);
      if (isHeadline) count++;
    };
    // Each line is bounded (title, outlets and URL are capped), so it always fits an empty section.
    for (const h of headlines) add(headlineLine(h, category), `• ${h.title}`, true);
    const more = moreNote(hidden);
    if (more) add(`_${more}_`, more, false);
    flush();
  }
  const more = moreHeadlinesNote(selection.hidden);
  if (more) {
    const hint = only ? '' : ` · ${HEADLINES_COMMAND} shows more of one category`;
    units.push({ block: context([`_${more}_${hint}`]), plain: more, headlines: 0 });
  }
  return units;
}

function footerUnit(b: Briefing): Unit {
  const line = footerLine(b);
  return { block: context([`🕒 ${fitEscaped(line, 500)}`]), plain: line, headlines: 0, footer: true };
}

function headlinesHeading(selection: HeadlineSelection, taxonomy: Taxonomy, only?: string): string {
  const count = selection.hidden ? `${selection.shown} of ${selection.total}` : `${selection.total}`;
  const category = only ? findCategory(taxonomy, only) : undefined;
  if (category) return `${category.emoji} ${category.label} headlines (${count})`;
  return `🗞️ Headlines (${count})`;
}

function noHeadlinesUnit(only?: string): Unit {
  const text = only ? `No headlines in ${only} today.` : 'No headlines today.';
  return { block: section(fitEscaped(text, SLACK.sectionText)), plain: text, headlines: 0 };
}

function helpUnits(commands: readonly CommandDefinition[]): Unit[] {
  const lines = commands.map((c) => `\`${escapeMrkdwn(usageOf(c))}\` — ${escapeMrkdwn(c.description)}`);
  const units: Unit[] = [headerUnit('📰 Briefer — the day’s news, briefed')];
  let current: string[] = [];
  for (const line of lines) {
    if ([...current, line].join('\n').length > SLACK.sectionText) {
      units.push({ block: section(current.join('\n')), plain: current.join('\n'), headlines: 0 });
      current = [];
    }
    current.push(truncate(line, SLACK.sectionText));
  }
  if (current.length)
    units.push({ block: section(current.join('\n')), plain: current.join('\n'), headlines: 0 });
  units.push({
    block: context(['Replies are visible only to you; use *Share to channel* to post one for everyone.']),
    plain: '',
    headlines: 0,
  });
  return units;
}

const TONE_EMOJI = { info: 'ℹ️', success: '✅', error: '⚠️' } as const;

function messageUnits(view: Extract<View, { kind: 'message' }>): Unit[] {
  const title = view.title ? `${TONE_EMOJI[view.tone]} *${fitEscaped(view.title, 200)}*\n` : '';
  const body = fitEscaped(view.text || ' ', SLACK.sectionText - title.length);
  const plainText = [view.title, view.text].filter(Boolean).join(': ');
  return [{ block: section(`${title}${body}`), plain: plainText || ' ', headlines: 0 }];
}

function viewUnits(view: View, taxonomy: Taxonomy): Unit[] {
  switch (view.kind) {
    case 'brief': {
      const b = view.briefing;
      return [
        ...storyUnits(b),
        { block: { type: 'divider' }, plain: '', headlines: 0 },
        ...headlinesUnits(b, taxonomy, view.limits),
        footerUnit(b),
      ];
    }
    case 'story':
      return [...storyUnits(view.briefing), footerUnit(view.briefing)];
    case 'headlines':
      return [
        ...headlinesUnits(view.briefing, taxonomy, view.limits, view.category),
        footerUnit(view.briefing),
      ];
    case 'help':
      return helpUnits(view.commands);
    case 'message':
      return messageUnits(view);
  }
}

/** The headlines heading, the chosen headlines by category (or a "no headlines" line). */
function headlinesUnits(b: Briefing, taxonomy: Taxonomy, limits?: HeadlineLimits, only?: string): Unit[] {
  const selection = selectHeadlines(b, taxonomy, { only, limits });
  const heads = headlineUnits(selection, only);
  return [
    headerUnit(headlinesHeading(selection, taxonomy, only)),
    ...(heads.length ? heads : [noHeadlinesUnit(only)]),
  ];
}

// ---------------------------------------------------------------------------------------------
// Packing units into messages

interface Packed {
  units: Unit[];
  size: number;
}

function pack(units: readonly Unit[], budget: number, maxBlocks: number): Packed[] {
  const messages: Packed[] = [];
  let current: Packed = { units: [], size: 0 };
  for (const unit of units) {
    const size = sizeOf(unit.block);
    if (current.units.length && (current.size + size > budget || current.units.length + 1 > maxBlocks)) {
      messages.push(current);
      current = { units: [], size: 0 };
    }
    current.units.push(unit);
    current.size += size;
  }
  if (current.units.length) messages.push(current);
  return messages;
}

/** "`/headlines <category>`", escaped: a raw `<…>` is a control sequence in mrkdwn. */
const HEADLINES_COMMAND = `\`${escapeMrkdwn('/headlines <category>')}\``;

function cutNote(headlines: number): Unit {
  if (headlines === 0) {
    const text = '…the rest was cut to fit Slack’s message limits.';
    return { block: context([text]), plain: text, headlines: 0 };
  }
  const text = `…and ${headlines} more headline${headlines === 1 ? '' : 's'} not shown (Slack message limits).`;
  return {
    block: context([`${text} Try ${HEADLINES_COMMAND} for one category.`]),
    plain: `${text} Try /headlines <category> for one category.`,
    headlines: 0,
  };
}

/**
 * Keeps the first `max` messages. The last kept one loses units from its end until the cut note
 * (and the footer, which always closes a reply) fit.
 */
function cut(
  messages: Packed[],
  max: number,
  units: readonly Unit[],
  budget: number,
  maxBlocks: number,
): Packed[] {
  if (messages.length <= max) return messages;
  const kept = messages.slice(0, max);
  const last = kept[kept.length - 1] as Packed;
  const footer = units.find((u) => u.footer);
  let dropped = messages.slice(max).flatMap((m) => m.units.filter((u) => !u.footer));
  last.units = last.units.filter((u) => !u.footer);
  const tail = (): Unit[] => [
    cutNote(dropped.reduce((n, u) => n + u.headlines, 0)),
    ...(footer ? [footer] : []),
  ];
  const fits = () =>
    last.units.length + tail().length <= maxBlocks &&
    [...last.units, ...tail()].reduce((n, u) => n + sizeOf(u.block), 0) <= budget;
  while (last.units.length > 1 && !fits()) {
    dropped = [last.units.pop() as Unit, ...dropped];
  }
  last.units.push(...tail());
  return kept;
}

function fallbackText(units: readonly Unit[]): string {
  const text = units
    .map((u) => u.plain)
    .filter(Boolean)
    .join('\n');
  return fitEscaped(text || 'Briefer', SLACK.fallbackText);
}

/** A Slack user id is safe to put in a mention; anything else is not shown. */
const USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/**
 * Renders a reply as one or more Slack messages, each within every Slack limit.
 *
 * @example
 * for (const message of renderSlackMessages(reply, taxonomy)) await respond({ response_type: 'ephemeral', ...message });
 */
export function renderSlackMessages(
  reply: Reply,
  taxonomy: Taxonomy,
  options: SlackRenderOptions = {},
): SlackMessage[] {
  const maxMessages = Math.max(1, options.maxMessages ?? SLACK.responseUrlPosts);
  const units = [...noticeUnits(reply.notices), ...viewUnits(reply.view, taxonomy)];

  const lead: Unit[] = [];
  if (options.sharedBy && USER_ID.test(options.sharedBy)) {
    lead.push({ block: context([`📣 Shared by <@${options.sharedBy}>`]), plain: '', headlines: 0 });
  }
  const trailer: Unit[] = [];
  if (options.closingNote) {
    trailer.push({ block: context([fitEscaped(options.closingNote, 300)]), plain: '', headlines: 0 });
  }
  if (options.shareValue !== undefined && options.shareValue.length <= SLACK.actionValue) {
    trailer.push({ block: shareButton(options.shareValue), plain: '', headlines: 0 });
  }

  // Room for the extras is kept in every message, and the same room whether they are there or not, so a
  // reply splits the same way with or without its button (the share action relies on that).
  const extras = [...lead, ...trailer].reduce((n, u) => n + sizeOf(u.block), 0);
  const budget = SLACK.blocksCharBudget - Math.max(extras, EXTRAS_RESERVE) - PART_LABEL_RESERVE;
  const maxBlocks = SLACK.blocksPerMessage - EXTRA_BLOCKS - 1;
  const packed = cut(pack(units, budget, maxBlocks), maxMessages, units, budget, maxBlocks);

  return packed.map((message, i) => {
    const parts: Unit[] = [...message.units];
    if (i === 0) parts.unshift(...lead);
    if (packed.length > 1 && i > 0) {
      parts.unshift({ block: context([`_continued (${i + 1}/${packed.length})_`]), plain: '', headlines: 0 });
    }
    if (i === packed.length - 1) parts.push(...trailer);
    return { text: fallbackText(message.units), blocks: parts.map((u) => u.block) };
  });
}
