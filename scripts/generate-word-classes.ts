/**
 * Writes data/word-classes.json from the installed compromise's lexicon (see
 * src/core/text/word-classes.ts). Run after upgrading compromise: `npx tsx scripts/generate-word-classes.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { type CompromiseLexicon, wordClassesFrom, wordClassSource } from '../src/core/text/word-classes.ts';

export const WORD_CLASSES_URL = new URL('../data/word-classes.json', import.meta.url);

/** The file's text as this script writes it, from the installed compromise. */
export function generateWordClasses(): string {
  const lexicon = (nlp.model() as { one: { lexicon: CompromiseLexicon } }).one.lexicon;
  const file = wordClassesFrom(lexicon, wordClassSource(nlp.version));
  // One class per line keeps diffs readable when compromise changes.
  const lines = Object.entries(file.classes).map(
    ([code, words]) => `    ${JSON.stringify(code)}: ${JSON.stringify(words)}`,
  );
  return `{\n  "source": ${JSON.stringify(file.source)},\n  "classes": {\n${lines.join(',\n')}\n  }\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(WORD_CLASSES_URL, generateWordClasses());
  console.log(`wrote ${fileURLToPath(WORD_CLASSES_URL)}`);
}
