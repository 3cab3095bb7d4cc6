/** Reply → plain text, for the console and the CLI. No markup; terminals don't ping anyone. */

import type { CommandDefinition } from '../core/command-definition.ts';
import { usageOf } from '../core/command-definition.ts';
import type { Reply, View } from '../core/reply.ts';
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
  outletsLabel,
  type SelectOptions,
  selectHeadlines,
} from './briefing-view.ts';
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
        headlinesText(view.briefing, taxonomy, { limits: view.limits }),
        footerLine(view.briefing),
      ].join('\n\n');
    case 'story':
      return [storyText(view.briefing), footerLine(view.briefing)].join('\n\n');
    case 'headlines':
      return [
        headlinesText(view.briefing, taxonomy, { only: view.category, limits: view.limits }),
        footerLine(view.briefing),
      ].join('\n\n');
    case 'help':
      return helpText(view.commands);
    case 'message':
      return [view.title ? `${view.tone === 'error' ? '✖' : 'ℹ'} ${view.title}` : '', view.text]
        .filter(Boolean)
        .join('\n');
  }
}

export function storyText(b: Briefing): string {
  const lead = leadView(b);
  const lines = [`📰 ${lead.title}`];
  if (lead.url) lines.push(lead.url);
  lines.push('');
  const summary = leadSummary(b);
  for (const s of summary.sentences) lines.push(`  ${s}`);
  if (summary.whyItMatters) lines.push(`  Why it matters: ${summary.whyItMatters}`);
  lines.push(`  (${summary.label})`);
  if (lead.alsoReportedBy.length) {
    lines.push('', `${ALSO_REPORTED_BY}: ${lead.alsoReportedBy.map((o) => o.name).join(', ')}`);
    for (const o of lead.alsoReportedBy) if (o.url) lines.push(`  ${o.name}: ${o.url}`);
  }
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

/** The headlines within the limits, by category, each with its outlets and age; what is left out is counted. */
export function headlinesText(b: Briefing, taxonomy: Taxonomy, options: SelectOptions = {}): string {
  const selection = selectHeadlines(b, taxonomy, options);
  const { only } = options;
  if (selection.total === 0) return only ? `No headlines in ${only} today.` : 'No headlines today.';
  const count = selection.hidden ? `${selection.shown} of ${selection.total}` : `${selection.total}`;
  const lines = [`🗞️  Headlines (${count})`];
  for (const g of selection.groups) {
    lines.push('', `${g.category.emoji} ${g.category.label} (${g.total})`);
    for (const h of g.headlines) {
      const meta = [outletsLabel(h.outlets), ...headlineMeta(h, g.category)].filter(Boolean).join(' · ');
      lines.push(`  • ${h.title}${meta ? ` — ${meta}` : ''}${h.url ? `\n    ${h.url}` : ''}`);
    }
    const more = moreNote(g.hidden);
    if (more) lines.push(`  ${more}`);
  }
  const more = moreHeadlinesNote(selection.hidden);
  if (more) lines.push('', more);
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
