import { describe, expect, it } from 'vitest';
import { eventLines, firstSentence, plainText } from '../../scripts/wcep-corpus.ts';

// A day of the Current events portal as the source repository saves it (Markdown), written for this test.
const DAY = `---
title: 2025 March 10
---

#### Armed conflicts and attacks

* [Syrian civil war](https://en.wikipedia.org/wiki/Syrian_civil_war "Syrian civil war")
  * [Western Syria clashes](https://en.wikipedia.org/wiki/Western_Syria_clashes_%28December_2024%E2%80%93present%29 "Western Syria clashes")
    * Clashes in [western Syria](https://en.wikipedia.org/wiki/Syria "Syria") kill 12 people. Monitors say more died. [(France 24)](https://www.france24.com/a)

#### Sports

* In [tennis](https://en.wikipedia.org/wiki/Tennis "Tennis"), *Madison Keys* wins the U.S. Open final. [(AP)](https://apnews.com/b) [(*The New York Times*)](https://www.nytimes.com/c)
* [2025 Tour de France](https://en.wikipedia.org/wiki/2025_Tour_de_France "2025 Tour de France")

#### Weather outlook

* Rain is expected in many places today. [(BBC)](https://bbc.com/d)
`;

describe('wcep-corpus', () => {
  it('keeps only the words of links and drops source citations and emphasis', () => {
    expect(
      plainText(
        'A [fire](https://x.org/Fire_(disaster) "Fire") in *Rome* kills two. [(*Reuters*)](https://r.com/a)',
      ),
    ).toBe('A fire in Rome kills two.');
  });

  it('ends the first sentence at a full stop, not at an abbreviation', () => {
    expect(firstSentence('The U.S. Senate passes the bill. It now goes to the House.')).toBe(
      'The U.S. Senate passes the bill.',
    );
    expect(firstSentence('No full stop here')).toBe('No full stop here');
  });

  it('takes the innermost cited items under a known section, not story names or unknown sections', () => {
    expect(eventLines(DAY, '2025-03-10')).toEqual([
      {
        date: '2025-03-10',
        section: 'armed-conflicts-and-attacks',
        text: 'Clashes in western Syria kill 12 people.',
      },
      { date: '2025-03-10', section: 'sports', text: 'In tennis, Madison Keys wins the U.S. Open final.' },
    ]);
  });
});
