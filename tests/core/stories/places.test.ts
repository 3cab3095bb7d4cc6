import { describe, expect, it } from 'vitest';
import { defaultDemonyms, demonymMap } from '../../../src/core/stories/places.ts';
import { storyTerms } from '../../../src/core/stories/story-terms.ts';

describe('demonyms: a demonym names its place', () => {
  const map = demonymMap([
    'libya',
    'libyan',
    'iraq',
    'iraqi',
    'niger',
    'nigeria',
    'nigerian',
    'japan',
    'japanese',
  ]);

  it('derives regular demonyms from the known places', () => {
    expect(map.get('libyan')).toBe('libya');
    expect(map.get('iraqi')).toBe('iraq');
    expect(map.get('japanese')).toBe('japan');
    // The first rule that makes a known place wins: Nigerian is of Nigeria, not of Niger.
    expect(map.get('nigerian')).toBe('nigeria');
  });

  it('maps nothing to a place that is not known, and leaves places alone', () => {
    const few = demonymMap(['sweden', 'swede', 'altai', 'alta', 'kenyan']);
    // "Sweden" is not a demonym of "Swede", "Altai" not of "Alta"; "Kenyan" has no known place here.
    expect(few.get('sweden')).toBeUndefined();
    expect(few.get('altai')).toBeUndefined();
    expect(few.get('kenyan')).toBeUndefined();
    expect(few.get('libya')).toBeUndefined();
  });

  it('knows the irregular ones', () => {
    expect(map.get('british')).toBe('britain');
    expect(map.get('dutch')).toBe('netherlands');
  });

  it('builds the shipped map from the model’s place list', () => {
    const shipped = defaultDemonyms();
    expect(shipped.get('ukrainian')).toBe('ukraine');
    expect(shipped.get('chinese')).toBe('china');
    expect(shipped.get('pakistani')).toBe('pakistan');
    expect(shipped.size).toBeGreaterThan(80);
  });
});

describe('story terms: places are marked', () => {
  it('marks a place and a demonym as the same place term, and nothing else', () => {
    const { terms } = storyTerms('Libyan rebels seize port as Libya navy waits');
    const libya = terms.filter((t) => t.term === 'libya');
    expect(libya).toHaveLength(2);
    expect(libya.every((t) => t.place === true)).toBe(true);
    expect(terms.filter((t) => t.place !== true).map((t) => t.term)).toEqual([
      'rebel',
      'seiz',
      'port',
      'navi',
      'wait',
    ]);
  });
});
