/**
 * Builds data/corpus/wcep-events.jsonl from daily Wikipedia "Current events" pages saved as Markdown
 * (one file a day: `#### Section` headings, then nested bullets whose innermost items are the day's
 * event lines, each ending in its news sources' links). See data/corpus/README.md for the source.
 *
 *   npx tsx scripts/wcep-corpus.ts DIR > data/corpus/wcep-events.jsonl
 *
 * Each event line becomes `{"id","date","section","text"}`: the first sentence of the event, links
 * reduced to their words, source citations and Markdown emphasis removed. A line seen on two days
 * (the portal repeats some) is kept once, on its first day.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The portal's top-level sections, as ids. A heading not listed here is skipped. */
const SECTIONS: Record<string, string> = {
  'armed conflicts and attacks': 'armed-conflicts-and-attacks',
  'arts and culture': 'arts-and-culture',
  'business and economy': 'business-and-economy',
  'disasters and accidents': 'disasters-and-accidents',
  'health and environment': 'health-and-environment',
  'international relations': 'international-relations',
  'law and crime': 'law-and-crime',
  'politics and elections': 'politics-and-elections',
  'science and technology': 'science-and-technology',
  sports: 'sports',
};

/** Markdown inline text → plain words: links become their text, citations and emphasis go. */
export function plainText(md: string): string {
  return (
    md
      // Source citations: [(AP)](url) or [(*The New York Times*)](url).
      .replace(/\[\([^\]]*\)\]\([^)]*\)/g, '')
      // Links: [text](url "title") → text (a URL may hold balanced parentheses once).
      .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
      .replace(/\*+|_{2,}/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The first sentence: up to the first ". " that is followed by a capital and not after an initial. */
export function firstSentence(text: string): string {
  const re = /([.!?])\s+(?=[A-Z"“‘'(])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index);
    const lastWord = before.split(/\s+/).at(-1) ?? '';
    // "U.S.", "Mr.", "St.", "Jan.", "No.": abbreviations, not the end of a sentence.
    if (/^(?:[A-Z]|[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+|No|Nos|vs)$/.test(lastWord.replace(/\.$/, ''))) continue;
    return text.slice(0, m.index + 1);
  }
  return text;
}

interface EventLine {
  id: string;
  date: string;
  section: string;
  text: string;
}

/** The event lines of one day's page. */
export function eventLines(markdown: string, date: string): Array<Omit<EventLine, 'id'>> {
  const lines = markdown.split('\n');
  const out: Array<Omit<EventLine, 'id'>> = [];
  let section: string | undefined;
  lines.forEach((line, i) => {
    const heading = /^#{2,4}\s+(.+?)\s*$/.exec(line);
    if (heading) {
      section = SECTIONS[plainText(heading[1] as string).toLowerCase()];
      return;
    }
    const bullet = /^(\s*)[*-]\s+(.+)$/.exec(line);
    if (!bullet || !section) return;
    const depth = (bullet[1] as string).length;
    // An item with deeper items under it names a story ("Syrian civil war"), not an event.
    const next = /^(\s*)[*-]\s+/.exec(lines[i + 1] ?? '');
    if (next && (next[1] as string).length > depth) return;
    // Event lines cite their sources; story names do not.
    if (!/\[\([^\]]*\)\]\(/.test(bullet[2] as string)) return;
    const text = firstSentence(plainText(bullet[2] as string)).replace(/[\s,;:]+$/, '');
    if (text.split(' ').length >= 4) out.push({ date, section, text });
  });
  return out;
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: tsx scripts/wcep-corpus.ts DIR_OF_DAILY_MARKDOWN > wcep-events.jsonl');
    process.exit(1);
  }
  const seen = new Set<string>();
  let n = 0;
  for (const file of readdirSync(dir).sort()) {
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(file)?.[1];
    if (!date || !file.endsWith('.md')) continue;
    for (const e of eventLines(readFileSync(join(dir, file), 'utf8'), date)) {
      const key = e.text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      process.stdout.write(`${JSON.stringify({ id: `wcep-${date}-${++n}`, ...e })}\n`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
