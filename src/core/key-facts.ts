/**
 * Key facts of a story: the amounts, percentages, dates, times, people, organisations and places it
 * turns on. Numbers come from patterns (`numeric-facts.ts`), names from capitalised runs (`names.ts`).
 * Repeats are merged ("Lutnick" after "Howard Lutnick" is one person), facts are ranked by how early and
 * how often they appear, and the list is capped with a fair share for each type.
 */
import type { KeyFact, KeyFactType, Story } from './schemas.ts';
import { isBoilerplate } from './text/boilerplate.ts';
import { nameMentions } from './text/names.ts';
import { type Mention, numericMentions } from './text/numeric-facts.ts';

/** Options for {@link extractKeyFacts}. */
export interface KeyFactOptions {
  /** Most facts to return (default 12). */
  max?: number;
}

const DEFAULT_MAX = 12;
/** Facts are read from the first part of a very long story: that is where they are. */
const MAX_CHARS = 50_000;

interface Fact {
  type: KeyFactType;
  text: string;
  first: number;
  count: number;
  score: number;
}

/** Money and percent facts are the same when written alike up to case and spacing. */
function key(m: Mention): string {
  return `${m.type}:${m.text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s?per ?cent$|\s?percent$/, '%')}`;
}

/**
 * The key facts of a story, most important first, at most `options.max` (default 12). Each type gets a
 * fair share of the list before any type gets a second, third… fact.
 *
 * @example extractKeyFacts(story) // → [{ type: 'money', text: '$550 billion' }, { type: 'person', … }]
 */
export function extractKeyFacts(story: Story, options: KeyFactOptions = {}): KeyFact[] {
  const max = Math.max(0, Math.floor(options.max ?? DEFAULT_MAX));
  if (max === 0) return [];
  const text = story.paragraphs
    .filter((p) => !isBoilerplate(p))
    .join('\n')
    .slice(0, MAX_CHARS);
  if (!text.trim()) return [];
  const numeric = numericMentions(text);
  const mentions = [...numeric, ...nameMentions(text, numeric)];

  const facts = new Map<string, Fact>();
  for (const m of mentions) {
    const k = key(m);
    const fact = facts.get(k);
    if (fact) {
      fact.count++;
      fact.first = Math.min(fact.first, m.at);
    } else {
      facts.set(k, { type: m.type, text: m.text, first: m.at, count: 1, score: 0 });
    }
  }
  for (const fact of facts.values()) {
    // Frequency counts, but an early mention counts for more: news states its key facts first.
    fact.score = Math.log2(1 + fact.count) + 2 * (1 - fact.first / text.length);
  }
  return fairShare([...facts.values()], max).map(({ type, text }) => ({ type, text }));
}

/** Round-robin over types, best fact of each type first, then the chosen facts by score. */
function fairShare(facts: Fact[], max: number): Fact[] {
  const byScore = (a: Fact, b: Fact) => b.score - a.score || a.first - b.first;
  const queues = new Map<KeyFactType, Fact[]>();
  for (const fact of [...facts].sort(byScore)) {
    const queue = queues.get(fact.type) ?? [];
    queue.push(fact);
    queues.set(fact.type, queue);
  }
  const chosen: Fact[] = [];
  while (chosen.length < max) {
    const round = [...queues.values()]
      .map((q) => q.shift())
      .filter((f): f is Fact => f !== undefined)
      .sort(byScore);
    if (round.length === 0) break;
    chosen.push(...round.slice(0, max - chosen.length));
  }
  return chosen.sort(byScore);
}
