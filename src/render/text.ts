/** Reply → plain text, for the console and the CLI. No markup; terminals don't ping anyone. */

import type { CommandDefinition } from '../core/command-definition.ts';
import { usageOf } from '../core/command-definition.ts';
import type { Reply, View } from '../core/reply.ts';
import type { Briefing } from '../core/schemas.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { footerLine, headlineGroups, keyFactsByType, leadSummary, leadTitle } from './briefing-view.ts';
import { KEY_FACT_LABELS } from './labels.ts';

export function renderText(reply: Reply, taxonomy: Taxonomy): string {
  const notices = (reply.notices ?? []).map((n) => `⚠️  ${n}`);
  return [...notices, renderView(reply.view, taxonomy)].join('\n\n');
}

function renderView(view: View, taxonomy: Taxonomy): string {
  switch (view.kind) {
    case 'brief':
      return [
        storyText(view.briefing),
        headlinesText(view.briefing, taxonomy),
        footerLine(view.briefing),
      ].join('\n\n');
    case 'story':
      return [storyText(view.briefing), footerLine(view.briefing)].join('\n\n');
    case 'headlines':
      return [headlinesText(view.briefing, taxonomy, view.category), footerLine(view.briefing)].join('\n\n');
    case 'help':
      return helpText(view.commands);
    case 'message':
      return [view.title ? `${view.tone === 'error' ? '✖' : 'ℹ'} ${view.title}` : '', view.text]
        .filter(Boolean)
        .join('\n');
  }
}

export function storyText(b: Briefing): string {
  const lines = [`📰 ${leadTitle(b)}`];
  if (b.lead.url) lines.push(b.lead.url);
  lines.push('');
  const summary = leadSummary(b);
  for (const s of summary.sentences) lines.push(`  ${s}`);
  if (summary.whyItMatters) lines.push(`  Why it matters: ${summary.whyItMatters}`);
  lines.push(`  (${summary.label})`);
  const facts = keyFactsByType(b.lead.keyFacts);
  if (facts.length) {
    lines.push('', 'Key facts');
    for (const g of facts) {
      const { emoji, label } = KEY_FACT_LABELS[g.type];
      lines.push(`  ${emoji} ${label}: ${g.facts.join(' · ')}`);
    }
  }
  return lines.join('\n');
}

export function headlinesText(b: Briefing, taxonomy: Taxonomy, only?: string): string {
  const groups = headlineGroups(b, taxonomy, only);
  const total = groups.reduce((n, g) => n + g.headlines.length, 0);
  if (total === 0) return only ? `No headlines in ${only} today.` : 'No headlines today.';
  const lines = [`🗞️  Headlines (${total})`];
  for (const g of groups) {
    lines.push('', `${g.category.emoji} ${g.category.label} (${g.headlines.length})`);
    for (const h of g.headlines) {
      const extra = h.outlets.map((o) => o.name).join(', ');
      lines.push(`  • ${h.title}${extra ? ` — ${extra}` : ''}${h.url ? `\n    ${h.url}` : ''}`);
    }
  }
  return lines.join('\n');
}

function helpText(commands: CommandDefinition[]): string {
  const width = Math.max(...commands.map((c) => usageOf(c).length));
  return [
    'Briefer — the day’s news, briefed.',
    '',
    ...commands.map((c) => `  ${usageOf(c).padEnd(width)}  ${c.description}`),
  ].join('\n');
}
