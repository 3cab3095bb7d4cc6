/**
 * Reply → Discord message payloads (embeds, components, allowed_mentions). Pure functions; every
 * Discord limit is enforced here, so whatever a source contains, Discord never rejects a message.
 *
 * Long output is split into pages, each a complete message within all limits (10 embeds, 6,000
 * characters across embeds, 4,096 per description…). The bot shows one page with buttons; the
 * digest posts every page as its own message.
 */

import type { CommandDefinition, OptionChoice } from '../core/command-definition.ts';
import { usageOf } from '../core/command-definition.ts';
import type { Reply, View } from '../core/reply.ts';
import type { Briefing } from '../core/schemas.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { findCategory } from '../core/taxonomy-lookup.ts';
import {
  ALSO_REPORTED_BY,
  footerLine,
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
import { DISCORD, type HeadlineLimits } from './limits.ts';
import { joinWithin, truncate } from './truncate.ts';
import { MARKDOWN_LINK_BREAKERS, percentEncodeChars } from './url-escape.ts';

export interface DiscordEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  author?: { name: string };
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
  footer?: { text: string };
}

export type DiscordButton =
  | { type: 2; style: 1 | 2; label: string; custom_id: string; disabled?: boolean }
  | { type: 2; style: 5; label: string; url: string };

export interface DiscordActionRow {
  type: 1;
  components: DiscordButton[];
}

/** A message as Discord's API takes it (channel message, interaction response or webhook edit). */
export interface DiscordMessagePayload {
  content?: string;
  embeds: DiscordEmbed[];
  components?: DiscordActionRow[];
  /** Always `{ parse: [] }`: nothing Briefer posts may ping anyone. */
  allowed_mentions: { parse: [] };
  /** 64 = ephemeral; set by the adapter, never for channel posts. */
  flags?: number;
}

export const EPHEMERAL_FLAG = 64;

const COLORS = { lead: 0x0ea5e9, info: 0x3b82f6, success: 0x22c55e, error: 0xef4444 } as const;
const TONE_EMOJI = { info: 'ℹ️', success: '✅', error: '✖️' } as const;
/** A headline line longer than this is cut, so one line always fits in an empty embed. */
const MAX_LINE = 1000;
/** URLs longer than this are left out of masked links (they would eat the message budget). */
const MAX_LINK_URL = 512;
/** In /brief the lead leaves room for headlines on the first page. */
const BRIEF_LEAD_BUDGET = 3000;
/** The lead's "Also reported by" line: whole links, as many as fit, then "and N others". */
const ALSO_MAX = 900;
/** Room kept in each message for the page suffix of the footer (" · 100/100"). */
const PAGE_SUFFIX_RESERVE = 12;

/** A fresh `{ parse: [] }` (never shared, so no caller can mutate everyone's). */
export function noMentions(): { parse: [] } {
  return { parse: [] };
}

/**
 * Breaks `@everyone`, `@here`, `<@id>`, `<@&role>` with a zero-width space after `@`, so untrusted
 * text reads the same but cannot ping even if `allowed_mentions` were ever forgotten.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(?!\u200b)/g, '@\u200b');
}

/** Escapes Discord markdown (and `<…>` mentions, timestamps, emoji) so text renders as typed. */
export function escapeDiscordMarkdown(text: string): string {
  return text.replace(/[\\*_~`|[\]<>]/g, '\\$&').replace(/^([#>-])/, '\\$1');
}

/** Untrusted text → safe Discord markdown. */
export function safeText(text: string): string {
  return escapeDiscordMarkdown(neutralizeMentions(text));
}

/** Untrusted text where Discord shows no markdown (footer, author): only mentions are neutralised. */
function plain(text: string): string {
  return neutralizeMentions(text);
}

/** Characters Discord counts towards the 6,000 per message: title, description, fields, footer, author. */
export function embedLength(embed: DiscordEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

export function totalEmbedLength(payload: Pick<DiscordMessagePayload, 'embeds'>): number {
  return payload.embeds.reduce((n, e) => n + embedLength(e), 0);
}

export function hexColor(hex: string): number {
  const n = Number.parseInt(hex.replace(/^#/, ''), 16);
  return Number.isFinite(n) ? n & 0xffffff : COLORS.info;
}

/** `[title](url)`; a URL that would break the markdown is percent-encoded, a huge one dropped. */
function link(text: string, url: string | undefined): string {
  if (!url || url.length > MAX_LINK_URL) return text;
  return `[${text}](${percentEncodeChars(url, MARKDOWN_LINK_BREAKERS)})`;
}

/** Autocomplete choices within Discord's limits (25 choices, names and values ≤ 100). */
export function discordChoices(choices: readonly OptionChoice[]): OptionChoice[] {
  return choices.slice(0, DISCORD.autocompleteChoices).map((c) => ({
    name: truncate(c.name, DISCORD.choiceName) || '…',
    value: typeof c.value === 'string' ? c.value.slice(0, DISCORD.choiceName) : c.value,
  }));
}

/**
 * Renders a whole reply as one or more channel messages, each within every Discord limit.
 * The digest posts them in order; the bot shows them one page at a time.
 *
 * @example renderDiscordMessages({ view: { kind: 'brief', briefing }, visibility: 'public' }, taxonomy)
 */
export function renderDiscordMessages(reply: Reply, taxonomy: Taxonomy): DiscordMessagePayload[] {
  const rendered = renderView(reply.view, taxonomy);
  // Never an empty message: Discord rejects one with no content and no embeds.
  const pages = rendered.length
    ? rendered
    : [{ embeds: [{ description: 'Nothing to show.' }], components: [] }];
  const notices = (reply.notices ?? []).map((n) => `⚠️ ${safeText(n)}`).join('\n');
  return pages.map((page, i) => {
    const payload: DiscordMessagePayload = { embeds: page.embeds, allowed_mentions: noMentions() };
    if (i === 0 && notices) payload.content = truncate(notices, DISCORD.content);
    if (page.components.length) payload.components = page.components;
    return payload;
  });
}

export interface DiscordPage {
  payload: DiscordMessagePayload;
  /** Zero-based page shown (clamped to the pages that exist). */
  page: number;
  pages: number;
}

/**
 * One page of a reply for an interactive answer, with ◀ ▶ buttons when there are several.
 * `pageId(n)` makes the button's custom_id for page n (the adapter decodes it on click; a `#…`
 * suffix may be appended to keep ids unique).
 */
export function renderDiscordPage(
  reply: Reply,
  taxonomy: Taxonomy,
  options: {
    page?: number;
    pageId?: (page: number) => string;
    /** `renderDiscordMessages(reply, taxonomy)` made earlier (the adapters' render cache). */
    messages?: readonly DiscordMessagePayload[];
  } = {},
): DiscordPage {
  const all = options.messages ?? renderDiscordMessages(reply, taxonomy);
  const page = Math.min(Math.max(0, Math.trunc(options.page ?? 0)), all.length - 1);
  const payload = { ...(all[page] as DiscordMessagePayload) };
  if (all.length > 1 && options.pageId) {
    const row = paginationRow(page, all.length, options.pageId);
    if (row) payload.components = [row, ...(payload.components ?? [])].slice(0, DISCORD.actionRows);
  }
  return { payload, page, pages: all.length };
}

/** ◀ Previous · Page i of n · Next ▶ — or nothing if a custom_id would be too long. */
export function paginationRow(
  page: number,
  pages: number,
  pageId: (page: number) => string,
): DiscordActionRow | undefined {
  const prev = pageId(Math.max(0, page - 1));
  const next = pageId(Math.min(pages - 1, page + 1));
  // custom_ids must be unique within a message; at the first or last page prev/next would collide.
  // A `#` suffix tells them apart; `pageId` must produce ids without `#`.
  const prevId = page === 0 ? `${prev}#p` : prev;
  const nextId = page === pages - 1 ? `${next}#n` : next;
  const indicator = `${pageId(page)}#i`;
  if ([prevId, nextId, indicator].some((id) => id.length > DISCORD.customId)) return undefined;
  return {
    type: 1,
    components: [
      { type: 2, style: 2, label: '◀ Previous', custom_id: prevId, disabled: page === 0 },
      { type: 2, style: 2, label: `Page ${page + 1} of ${pages}`, custom_id: indicator, disabled: true },
      { type: 2, style: 1, label: 'Next ▶', custom_id: nextId, disabled: page === pages - 1 },
    ],
  };
}

interface Page {
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
}

function renderView(view: View, taxonomy: Taxonomy): Page[] {
  switch (view.kind) {
    case 'brief':
      return briefingPages(view.briefing, taxonomy, { lead: true, headlines: true, limits: view.limits });
    case 'story':
      return briefingPages(view.briefing, taxonomy, { lead: true, headlines: false });
    case 'headlines':
      return briefingPages(view.briefing, taxonomy, {
        lead: false,
        headlines: true,
        only: view.category,
        limits: view.limits,
      });
    case 'help':
      return [{ embeds: [helpEmbed(view.commands)], components: [] }];
    case 'message':
      return [{ embeds: [messageEmbed(view)], components: [] }];
  }
}

function briefingPages(
  b: Briefing,
  taxonomy: Taxonomy,
  what: { lead: boolean; headlines: boolean; only?: string; limits?: HeadlineLimits },
): Page[] {
  const footer = truncate(plain(footerLine(b)), DISCORD.footerText - PAGE_SUFFIX_RESERVE);
  const packer = new EmbedPacker(footer.length + PAGE_SUFFIX_RESERVE);
  if (what.lead) {
    const budget = what.headlines
      ? BRIEF_LEAD_BUDGET
      : DISCORD.embedTotal - footer.length - PAGE_SUFFIX_RESERVE;
    packer.add(leadEmbed(b, budget));
  }
  if (what.headlines) {
    const selection = selectHeadlines(b, taxonomy, { only: what.only, limits: what.limits });
    if (selection.groups.length === 0) {
      const label = what.only ? (findCategory(taxonomy, what.only)?.label ?? what.only) : undefined;
      packer.add({
        color: COLORS.info,
        description: safeText(label ? `No headlines in ${label} today.` : 'No headlines today.'),
      });
    }
    for (const g of selection.groups) {
      const title = truncate(
        safeText(`${g.category.emoji} ${g.category.label} · ${g.total}`),
        DISCORD.embedTitle - 10,
      );
      const lines = g.headlines.map((h) => {
        const meta = [outletsLabel(h.outlets, safeText), ...headlineMeta(h, g.category).map(safeText)];
        const tail = meta.filter(Boolean).join(' · ');
        return `• ${link(safeText(truncate(h.title, 300)), h.url)}${tail ? ` — ${tail}` : ''}`;
      });
      const more = moreNote(g.hidden);
      if (more) lines.push(`*${more}*`);
      packer.addList(title, `${title} (cont.)`, hexColor(g.category.color), lines);
    }
    const more = moreHeadlinesNote(selection.hidden);
    if (more) {
      const hint = what.only ? '' : ' · `/headlines <category>` shows more of one category';
      packer.add({ color: COLORS.info, description: `*${more}*${hint}` });
    }
  }
  const pages = packer.pages();
  return pages.map((embeds, i) => {
    const last = embeds[embeds.length - 1];
    if (last) last.footer = { text: pages.length > 1 ? `${footer} · ${i + 1}/${pages.length}` : footer };
    const components: DiscordActionRow[] = [];
    // A story page links to the article; a button is easier to hit than the title on mobile.
    const url = leadView(b).url;
    if (what.lead && !what.headlines && url && url.length <= MAX_LINK_URL) {
      components.push({
        type: 1,
        components: [{ type: 2, style: 5, label: 'Read the story', url }],
      });
    }
    return { embeds, components };
  });
}

/**
 * The lead story: title (linked), summary, the other outlets carrying it, key facts as fields; shrunk
 * to fit `budget` characters. The outlets line is kept whole (its links must not be cut): only the
 * summary and facts shrink.
 */
function leadEmbed(b: Briefing, budget: number): DiscordEmbed {
  const lead = leadView(b);
  const summary = leadSummaryText(b);
  const also = alsoReportedLine(lead.alsoReportedBy);
  const alsoPart = also ? `\n\n${also}` : '';
  const embed: DiscordEmbed = {
    color: COLORS.lead,
    author: { name: truncate(plain(`📰 Lead story · ${leadSummary(b).label}`), DISCORD.authorName) },
    title: truncate(safeText(lead.title), DISCORD.embedTitle),
    description: truncate(
      summary ? safeText(summary) : '*No summary available.*',
      DISCORD.embedDescription - alsoPart.length,
    ),
  };
  if (lead.url && lead.url.length <= MAX_LINK_URL) embed.url = lead.url;
  const facts = keyFactsByType(b.lead.keyFacts).slice(0, DISCORD.fieldsPerEmbed);
  if (facts.length) {
    embed.fields = facts.map((g) => {
      const { emoji, label } = KEY_FACT_LABELS[g.type];
      return {
        name: truncate(`${emoji} ${label}`, DISCORD.fieldName),
        value: truncate(g.facts.map(safeText).join(' · '), DISCORD.fieldValue),
        inline: true,
      };
    });
  }
  const fitted = fitEmbed(embed, budget - alsoPart.length);
  fitted.description = `${fitted.description ?? ''}${alsoPart}`;
  return fitted;
}

/** "**Also reported by:** [BBC](…), [Reuters](…), NPR and 4 others", within {@link ALSO_MAX}. */
function alsoReportedLine(outlets: readonly OutletView[]): string {
  if (outlets.length === 0) return '';
  const head = `**${ALSO_REPORTED_BY}:** `;
  const items = outlets.map((o) => link(safeText(truncate(o.name, 100)), o.url));
  const others = (n: number) => ` and ${n} other${n === 1 ? '' : 's'}`;
  return `${head}${joinWithin(items, ', ', ALSO_MAX - head.length, others)}`;
}

/** Shrinks the description, then the longest field values, then drops fields until the embed fits. */
export function fitEmbed(embed: DiscordEmbed, budget: number): DiscordEmbed {
  let excess = embedLength(embed) - budget;
  if (excess <= 0) return embed;
  if (embed.description && embed.description.length > 200) {
    embed.description = truncate(embed.description, Math.max(200, embed.description.length - excess));
    excess = embedLength(embed) - budget;
  }
  const fields = embed.fields ?? [];
  while (excess > 0 && fields.length) {
    const longest = fields.reduce((a, f) => (f.value.length > a.value.length ? f : a));
    if (longest.value.length > 100)
      longest.value = truncate(longest.value, Math.max(100, longest.value.length - excess));
    else fields.pop();
    excess = embedLength(embed) - budget;
  }
  if (excess > 0 && embed.description) {
    embed.description = truncate(embed.description, Math.max(1, embed.description.length - excess));
    excess = embedLength(embed) - budget;
  }
  if (excess > 0 && embed.title)
    embed.title = truncate(embed.title, Math.max(1, embed.title.length - excess));
  return embed;
}

function helpEmbed(commands: CommandDefinition[]): DiscordEmbed {
  return {
    color: COLORS.info,
    title: 'Briefer — the day’s news, briefed',
    description: 'Slash commands:',
    fields: commands.slice(0, DISCORD.fieldsPerEmbed).map((c) => ({
      name: truncate(usageOf(c), DISCORD.fieldName),
      value: truncate(safeText(c.description), DISCORD.fieldValue),
    })),
  };
}

function messageEmbed(view: Extract<View, { kind: 'message' }>): DiscordEmbed {
  const embed: DiscordEmbed = {
    color: COLORS[view.tone],
    description: truncate(safeText(view.text), DISCORD.embedDescription),
  };
  if (view.title)
    embed.title = truncate(safeText(`${TONE_EMOJI[view.tone]} ${view.title}`), DISCORD.embedTitle);
  return embed;
}

/**
 * Fills messages with embeds in order, opening a new message when the next embed would pass
 * 10 embeds or the 6,000-character total (minus `reserve`, kept for the footer).
 */
class EmbedPacker {
  readonly #messages: DiscordEmbed[][] = [[]];
  #used = 0;

  constructor(private readonly reserve: number) {}

  get #current(): DiscordEmbed[] {
    return this.#messages[this.#messages.length - 1] as DiscordEmbed[];
  }

  #room(): number {
    return DISCORD.embedTotal - this.reserve - this.#used;
  }

  #open(size: number): void {
    if (this.#current.length === 0) return;
    if (this.#current.length >= DISCORD.embedsPerMessage || size > this.#room()) {
      this.#messages.push([]);
      this.#used = 0;
    }
  }

  add(embed: DiscordEmbed): void {
    const size = embedLength(embed);
    this.#open(size);
    this.#current.push(embed);
    this.#used += size;
  }

  /** A titled list spread over as many embeds (and messages) as it needs; never splits a line. */
  addList(title: string, contTitle: string, color: number, rawLines: readonly string[]): void {
    let embed: DiscordEmbed | undefined;
    for (const raw of rawLines) {
      const line = truncate(raw, MAX_LINE);
      if (embed?.description !== undefined) {
        const grow = line.length + 1;
        if (embed.description.length + grow <= DISCORD.embedDescription && grow <= this.#room()) {
          embed.description += `\n${line}`;
          this.#used += grow;
          continue;
        }
      }
      embed = { title: embed ? contTitle : title, color, description: line };
      this.add(embed);
    }
  }

  pages(): DiscordEmbed[][] {
    return this.#messages.filter((m) => m.length > 0);
  }
}
