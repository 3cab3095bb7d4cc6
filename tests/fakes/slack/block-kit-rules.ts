/**
 * The checks Slack applies to a message payload, as far as Briefer's tests need them. The fakes answer
 * `invalid_blocks` / `msg_blocks_too_long` like Slack would, and tests call `messageProblems` to assert
 * a payload would be accepted.
 */
import { SLACK } from '../../../src/render/limits.ts';

/** Where Slack starts answering msg_blocks_too_long (platforms.md: "roughly 13k"). */
export const SLACK_BLOCKS_HARD_LIMIT = 13_000;

type Json = Record<string, unknown>;

const textOf = (t: unknown): string => (t && typeof t === 'object' ? String((t as Json).text ?? '') : '');

/** Every problem Slack would reject the payload for; empty when it would post. */
export function messageProblems(payload: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  const blocks = payload.blocks;
  if (blocks === undefined) {
    if (typeof payload.text !== 'string' || payload.text === '') problems.push('no_text');
    return problems;
  }
  if (!Array.isArray(blocks)) return ['invalid_blocks: blocks is not an array'];
  if (typeof payload.text !== 'string' || payload.text === '') problems.push('missing text fallback');
  if (blocks.length > SLACK.blocksPerMessage) problems.push(`invalid_blocks: ${blocks.length} blocks`);
  if (JSON.stringify(blocks).length > SLACK_BLOCKS_HARD_LIMIT) problems.push('msg_blocks_too_long');
  blocks.forEach((b: Json, i) => {
    const where = `block ${i} (${String(b.type)})`;
    switch (b.type) {
      case 'header': {
        const t = textOf(b.text);
        if ((b.text as Json | undefined)?.type !== 'plain_text')
          problems.push(`${where}: header must be plain_text`);
        if (t.length === 0 || t.length > SLACK.headerText)
          problems.push(`${where}: header text ${t.length} chars`);
        break;
      }
      case 'section': {
        const fields = (b.fields as Json[] | undefined) ?? [];
        if (!b.text && fields.length === 0) problems.push(`${where}: section without text or fields`);
        if (b.text) {
          const t = textOf(b.text);
          if (t.length === 0 || t.length > SLACK.sectionText)
            problems.push(`${where}: section text ${t.length} chars`);
        }
        if (fields.length > SLACK.sectionFields) problems.push(`${where}: ${fields.length} fields`);
        for (const f of fields) {
          const t = textOf(f);
          if (t.length === 0 || t.length > SLACK.sectionFieldText)
            problems.push(`${where}: field ${t.length} chars`);
        }
        break;
      }
      case 'context': {
        const elements = (b.elements as Json[] | undefined) ?? [];
        if (elements.length === 0 || elements.length > SLACK.contextElements)
          problems.push(`${where}: ${elements.length} elements`);
        for (const e of elements) {
          const t = textOf(e);
          if (t.length === 0 || t.length > SLACK.contextText)
            problems.push(`${where}: element ${t.length} chars`);
        }
        break;
      }
      case 'actions': {
        for (const e of (b.elements as Json[] | undefined) ?? []) {
          if (textOf(e.text).length > SLACK.buttonText) problems.push(`${where}: button text too long`);
          if (typeof e.value === 'string' && e.value.length > SLACK.actionValue)
            problems.push(`${where}: value too long`);
        }
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}

/**
 * Slack control sequences in mrkdwn (`<!channel>`, `<@U…>`, `<#C…>`, `<!subteam^…>`, links) found
 * anywhere Slack parses mrkdwn: the `text` fallback and every mrkdwn text object. Plain-text
 * objects (headers, buttons) are not parsed, so they are skipped.
 */
export function controlSequences(payload: { text?: unknown; blocks?: unknown }): string[] {
  const found: string[] = [];
  const scan = (s: string) => {
    for (const m of s.matchAll(/<[^<>]*>/g)) found.push(m[0]);
  };
  if (typeof payload.text === 'string') scan(payload.text);
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') scan(o.text);
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  walk(payload.blocks);
  return found;
}
