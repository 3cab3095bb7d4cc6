/** Briefing → Markdown (CLI `--format markdown`), for pasting into docs, email or a wiki. */
import type { Briefing } from '../core/schemas.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { footerLine, headlineGroups, keyFactsByType, leadSummary, leadTitle } from './briefing-view.ts';
import { KEY_FACT_LABELS } from './labels.ts';

/** Escapes Markdown control characters so a headline renders as the text it is. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

export function storyMarkdown(b: Briefing): string {
  const title = escapeMarkdown(leadTitle(b));
  const lines = [`## ${b.lead.url ? `[${title}](${b.lead.url})` : title}`, ''];
  const summary = leadSummary(b);
  lines.push(
    ...summary.sentences
      .map((s) => `> ${escapeMarkdown(s)}`)
      .flatMap((l) => [l, '>'])
      .slice(0, -1),
  );
  if (summary.whyItMatters) lines.push('>', `> **Why it matters:** ${escapeMarkdown(summary.whyItMatters)}`);
  if (b.lead.summaryKind === 'model') lines.push('', `_${escapeMarkdown(summary.label)}_`);
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

export function headlinesMarkdown(b: Briefing, taxonomy: Taxonomy, only?: string): string {
  const groups = headlineGroups(b, taxonomy, only);
  const lines = ['## Headlines'];
  for (const g of groups) {
    lines.push('', `### ${g.category.emoji} ${escapeMarkdown(g.category.label)} (${g.headlines.length})`, '');
    for (const h of g.headlines) {
      const t = escapeMarkdown(h.title);
      lines.push(`- ${h.url ? `[${t}](${h.url})` : t}`);
    }
  }
  if (groups.length === 0) lines.push('', '_No headlines._');
  return lines.join('\n');
}

export function briefingMarkdown(b: Briefing, taxonomy: Taxonomy): string {
  return [
    `# Briefing`,
    storyMarkdown(b),
    headlinesMarkdown(b, taxonomy),
    `---\n_${escapeMarkdown(footerLine(b))}_`,
  ].join('\n\n');
}
