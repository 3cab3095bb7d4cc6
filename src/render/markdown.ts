/** Briefing → Markdown (CLI `--format markdown`), for pasting into docs, email or a wiki. */
import type { Briefing } from '../core/schemas.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import {
  ALSO_REPORTED_BY,
  footerLine,
  headlineMeta,
  keyFactsByType,
  leadSummary,
  leadView,
  moreHeadlinesNote,
  moreNote,
  type OutletView,
  type SelectOptions,
  selectHeadlines,
} from './briefing-view.ts';
import { KEY_FACT_LABELS } from './labels.ts';
import { MARKDOWN_LINK_BREAKERS, percentEncodeChars } from './url-escape.ts';

/** Escapes Markdown control characters so a headline renders as the text it is. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

/** `[text](url)` with `text` escaped, or the escaped text alone when there is no link. */
function mdLink(text: string, url: string | undefined): string {
  const t = escapeMarkdown(text);
  return url ? `[${t}](${percentEncodeChars(url, MARKDOWN_LINK_BREAKERS)})` : t;
}

/** Every outlet by name, each linked to its own story: markdown has room for them all. */
function outletLinks(outlets: readonly OutletView[]): string {
  return outlets.map((o) => mdLink(o.name, o.url)).join(', ');
}

export function storyMarkdown(b: Briefing): string {
  const lead = leadView(b);
  const lines = [`## ${mdLink(lead.title, lead.url)}`, ''];
  const summary = leadSummary(b);
  lines.push(
    ...summary.sentences
      .map((s) => `> ${escapeMarkdown(s)}`)
      .flatMap((l) => [l, '>'])
      .slice(0, -1),
  );
  if (summary.whyItMatters) lines.push('>', `> **Why it matters:** ${escapeMarkdown(summary.whyItMatters)}`);
  if (b.lead.summaryKind === 'model') lines.push('', `_${escapeMarkdown(summary.label)}_`);
  if (lead.alsoReportedBy.length) {
    lines.push('', `**${ALSO_REPORTED_BY}:** ${outletLinks(lead.alsoReportedBy)}`);
  }
  const facts = keyFactsByType(b.lead.keyFacts);
  if (facts.length) {
    lines.push('', '**Key facts**', '');
    for (const g of facts) {
      const { emoji, label } = KEY_FACT_LABELS[g.type];
      lines.push(`- ${emoji} **${label}:** ${g.facts.map(escapeMarkdown).join(' · ')}`);
    }
  }
  return lines.join('\n');
}

export function headlinesMarkdown(b: Briefing, taxonomy: Taxonomy, options: SelectOptions = {}): string {
  const selection = selectHeadlines(b, taxonomy, options);
  const lines = ['## Headlines'];
  for (const g of selection.groups) {
    lines.push('', `### ${g.category.emoji} ${escapeMarkdown(g.category.label)} (${g.total})`, '');
    for (const h of g.headlines) {
      const outlets = outletLinks(h.outlets);
      const meta = headlineMeta(h, g.category).map(escapeMarkdown);
      const tail = [outlets, ...meta].filter(Boolean).join(' · ');
      lines.push(`- ${mdLink(h.title, h.url)}${tail ? ` — ${tail}` : ''}`);
    }
    const more = moreNote(g.hidden);
    if (more) lines.push(`- _${escapeMarkdown(more)}_`);
  }
  if (selection.groups.length === 0) lines.push('', '_No headlines._');
  const more = moreHeadlinesNote(selection.hidden);
  if (more) lines.push('', `_${escapeMarkdown(more)}_`);
  return lines.join('\n');
}

export function briefingMarkdown(b: Briefing, taxonomy: Taxonomy, options: SelectOptions = {}): string {
  return [
    `# Briefing`,
    storyMarkdown(b),
    headlinesMarkdown(b, taxonomy, options),
    `---\n_${escapeMarkdown(footerLine(b))}_`,
  ].join('\n\n');
}
