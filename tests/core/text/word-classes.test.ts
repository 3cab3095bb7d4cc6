import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWordClasses, WORD_CLASSES_URL } from '../../../scripts/generate-word-classes.ts';
import { isCommonWord, isFunctionWord, isGivenName, lexiconEntity } from '../../../src/core/text/lexicon.ts';
import { classOfTags, wordClassesFrom } from '../../../src/core/text/word-classes.ts';

describe('data/word-classes.json', () => {
  it('is exactly what scripts/generate-word-classes.ts writes from the installed compromise', () => {
    // If this fails after upgrading compromise: npx tsx scripts/generate-word-classes.ts
    expect(readFileSync(WORD_CLASSES_URL, 'utf8')).toBe(generateWordClasses());
  });

  it('answers the lexicon questions from the file', () => {
    expect(isGivenName('Howard')).toBe(true);
    expect(isCommonWord('Golden')).toBe(true);
    expect(isCommonWord('Howard')).toBe(false);
    expect(isFunctionWord('The')).toBe(true);
    expect(isFunctionWord('Zimbabwe')).toBe(false);
    expect(lexiconEntity('new york')).toBe('place');
    expect(lexiconEntity('golden')).toBeUndefined();
    expect(isCommonWord('Xqzzyv')).toBe(false);
  });
});

describe('wordClassesFrom', () => {
  it('groups lower-case words by the class of their tags and drops what a lookup cannot find', () => {
    const file = wordClassesFrom(
      {
        paris: 'City',
        run: ['Infinitive', 'Singular'],
        howard: 'MaleName',
        Caps: 'Noun',
        empty: [],
        misc: 'Value',
      },
      'test',
    );
    expect(file.classes).toEqual({
      '0': ['misc'],
      [String(classOfTags(['MaleName']))]: ['howard'],
      [String(classOfTags(['Infinitive', 'Singular']))]: ['run'],
      [String(classOfTags(['City']))]: ['paris'],
    });
  });
});
