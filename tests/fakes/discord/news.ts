/**
 * News that stresses a Discord renderer: 200 headlines, a 50 kB story, mention and markdown
 * injection in headlines; and sources that are slow or fail on demand.
 */
import { type News, NewsSchema } from '../../../src/core/schemas.ts';
import type { NewsSource } from '../../../src/sources/source.ts';

// 200 headlines that no two tell the same story, so story clustering keeps all of them: a subject that
// spreads them over many categories, then made-up words of their own (shared parts alone would make
// look-alikes: "Lisbon central bank raises rates" / "Oslo central bank raises rates").
const PLACES =
  'Lisbon Oslo Nairobi Santiago Seoul Lagos Lima Perth Quebec Dublin Hanoi Tunis Riga Quito Accra Sofia Porto Bergen Malmo Kyoto'.split(
    ' ',
  );
const SUBJECTS = [
  'central bank',
  'football club',
  'election commission',
  'chipmaker startup',
  'hospital network',
  'oil producer',
  'space agency',
  'stock exchange',
  'peace envoys',
  'car factory',
  'tennis champion',
];
const SYLLABLES = 'ka lo mi ren sa tor vu zel qua bri dan fo gim hex jor nup'.split(' ');
function madeUpWord(n: number): string {
  let word = '';
  let rest = n;
  do {
    word += SYLLABLES[rest % 16];
    rest = Math.floor(rest / 16);
  } while (rest > 0);
  return `${word}x`;
}

/** 200 headlines over many categories, some long, with links and sources; and a ~50 kB lead story. */
export function bigNews(): News {
  const headlines = Array.from({ length: 200 }, (_, i) => {
    const own = [0, 1, 2, 3, 4].map((k) => madeUpWord(i * 5 + k + 300)).join(' ');
    const topic = `${PLACES[i % 20]}: ${SUBJECTS[i % 11]} ${own}`;
    const long = i % 7 === 0 ? ` — ${`a very long subtitle ${own} `.repeat(4)}` : '';
    return {
      title: `${topic} (${i + 1})${long}`,
      url: `https://news.example.com/${i % 3 === 0 ? `${'deep/'.repeat(20)}` : ''}story-${i + 1}?ref=briefer_(test)`,
      source: i % 2 ? 'Example Wire' : `Example Times ${i % 5}`,
    };
  });
  const sentence = (n: number) =>
    `Paragraph sentence ${n} says the committee approved $${n} million for harbour works in Lisbon on 3 March 2026, ` +
    `an increase of ${n % 50}% that Minister Helena Duarte called historic.`;
  const paragraphs = Array.from({ length: 125 }, (_, p) =>
    Array.from({ length: 2 }, (_, s) => sentence(p * 2 + s)).join(' '),
  );
  // One enormous "sentence" with no full stop, as scraped pages sometimes have.
  paragraphs.splice(3, 0, `An unpunctuated run of text ${'that goes on and on '.repeat(400)}`);
  return NewsSchema.parse({
    story: {
      title: `A very long lead title ${'about harbour finance '.repeat(20)}`,
      url: 'https://news.example.com/lead-story',
      source: 'Example Wire',
      paragraphs,
    },
    headlines,
  });
}

/** Headlines that try to ping, or to inject markdown. */
export const HOSTILE_TITLES = [
  '@everyone Markets crash as central bank panics',
  '@here Stocks rally after surprise rate cut',
  'Reporter <@123456789012345678> wins the election debate',
  'Role <@&987654321098765432> gets the vaccine trial data',
  'Channel <#112233445566778899> and **bold** claims about [a link](https://evil.example) in parliament',
];

export function hostileNews(): News {
  return NewsSchema.parse({
    story: {
      title: '@everyone read this <@123456789012345678>',
      url: 'https://news.example.com/lead',
      paragraphs: [
        'The minister told @everyone in parliament that the budget passed. Officials said <@&987654321098765432> agreed.',
        'Markets rose 2% on the news. Analysts expect more gains in March.',
      ],
    },
    headlines: HOSTILE_TITLES.map((title, i) => ({ title, url: `https://news.example.com/h${i}` })),
  });
}

/** A small, ordinary day of news. */
export function smallNews(): News {
  return NewsSchema.parse({
    story: {
      title: 'Ports agree a $5 billion green shipping fund',
      url: 'https://news.example.com/ports',
      source: 'Example Wire',
      paragraphs: [
        'Five countries agreed on Monday to create a $5 billion fund to clean up shipping. The fund opens in March.',
        'Portuguese Maritime Minister Helena Duarte said the deal was historic. It covers 40 ports.',
        'Shipping carries 80% of world trade. Emissions from ships rose 5% last year.',
        'The first grants are due in 2027. Critics said the sum was too small.',
      ],
    },
    headlines: [
      {
        title: 'Stocks climb to record high as chipmakers rally',
        url: 'https://news.example.com/a',
        source: 'Wire',
      },
      { title: 'Central bank holds interest rates as inflation cools', source: 'Times' },
      { title: 'Striker scores twice as champions win the cup final' },
      { title: 'Ceasefire talks resume as diplomats meet in Geneva' },
    ],
  });
}

export function staticSource(news: News, name = 'test news'): NewsSource {
  return { name, load: async () => news };
}

/** A source whose loads wait until `release()` (or fail with `fail(error)`), to make commands slow on purpose. */
export class GatedSource implements NewsSource {
  readonly name = 'gated news';
  loads = 0;
  #resolve!: (news: News) => void;
  #reject!: (error: Error) => void;
  readonly #gate = new Promise<News>((resolve, reject) => {
    this.#resolve = resolve;
    this.#reject = reject;
  });

  constructor(private readonly news: News) {
    // A gate failed before anyone loads is not an unhandled rejection.
    this.#gate.catch(() => {});
  }

  load(): Promise<News> {
    this.loads += 1;
    return this.#gate;
  }

  release(): void {
    this.#resolve(this.news);
  }

  fail(error: Error): void {
    this.#reject(error);
  }
}

/** A source that always throws `error` (an unexpected bug, not a SourceError). */
export function failingSource(error: Error): NewsSource {
  return {
    name: 'broken news',
    load: async () => {
      throw error;
    },
  };
}
