import { describe, expect, it } from 'vitest';
import { createCategorizer, loadDefaultCategorizer } from '../../src/core/categorizer.ts';
import { ngrams, PhraseMatcher, StemTokenizer } from '../../src/core/categorizer-features.ts';
import {
  loadCategorizerModel,
  MODEL_FORMAT,
  parseCategorizerModel,
} from '../../src/core/categorizer-model.ts';
import { trainDenseSoftmax, trainSoftmax } from '../../src/core/categorizer-train.ts';
import { BrieferError } from '../../src/core/errors.ts';
import { loadTaxonomy, parseTaxonomy, type Taxonomy } from '../../src/core/taxonomy.ts';

const taxonomy = loadTaxonomy();
const categorizer = loadDefaultCategorizer();

/** The bundled taxonomy with changes applied to a copy. */
function edited(change: (t: Taxonomy) => void): Taxonomy {
  const copy = structuredClone(taxonomy);
  change(copy);
  return parseTaxonomy(copy, 'test taxonomy');
}

// Written for these tests (not taken from any evaluation set).
const OBVIOUS: Record<string, string[]> = {
  geopolitics: [
    'NATO allies pledge more troops as ceasefire talks stall',
    'UN Security Council meets after missile strike on border town',
  ],
  politics: [
    'Senate Republicans block voting bill ahead of midterm elections',
    'Labour leader unveils election manifesto as Tories slip in polls',
  ],
  economy: [
    'Inflation falls as central bank holds interest rates',
    'Unemployment rises to highest level since the recession',
  ],
  markets: [
    'Wall Street stocks rally as Nasdaq hits record high',
    'Bond yields climb as investors dump shares',
  ],
  trade: ['EU threatens retaliatory tariffs on steel imports', 'Trade deficit widens as exports slump'],
  energy: [
    'OPEC agrees to cut oil output as crude prices fall',
    'Gas pipeline deal eases winter energy fears',
  ],
  business: [
    'Carmaker announces 3,000 job cuts after profits slump',
    'Supermarket chain agrees takeover by rival in merger deal',
  ],
  technology: [
    'Smartphone maker unveils new chip to speed up artificial intelligence apps',
    'Hackers steal passwords from software firm in huge data breach',
  ],
  science: [
    'Astronomers spot water on distant exoplanet with new telescope',
    'Scientists unearth fossil of giant dinosaur',
  ],
  health: [
    'New vaccine cuts cancer deaths, doctors say',
    'Flu outbreak fills hospitals as patients wait for treatment',
  ],
  climate: [
    'Heatwave and wildfires blamed on climate change',
    'Nations agree to cut greenhouse gas emissions at climate summit',
  ],
  justice: ['Man jailed for life after murder trial', 'Former mayor indicted on bribery charges'],
  sports: ['Striker scores twice as United win the derby', 'Federer cruises into Wimbledon semi-final'],
  entertainment: [
    'Oscar-winning actress stars in new Hollywood blockbuster',
    'Pop singer releases first album in five years',
  ],
  other: ['Ten easy recipes for a summer picnic', 'Your horoscope for the week ahead'],
};

describe('categorize: the shape of the answer', () => {
  const result = categorizer.categorize('Oil prices slide as OPEC talks stall');

  it('scores every category with values in [0, 1] that sum to 1', () => {
    expect(Object.keys(result.scores).sort()).toEqual(taxonomy.categories.map((c) => c.id).sort());
    for (const v of Object.values(result.scores)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(Object.values(result.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('orders the scores highest first and reports the top one as the category and confidence', () => {
    const values = Object.values(result.scores);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(Object.keys(result.scores)[0]).toBe(result.category);
    expect(result.confidence).toBe(result.scores[result.category]);
  });

  it('serializes to JSON as category, confidence and the ordered scores', () => {
    const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['category', 'confidence', 'scores']);
    expect(json.scores).toEqual(result.scores);
    expect(Object.keys(json.scores as object)).toEqual(Object.keys(result.scores));
  });

  it('is deterministic, within one categorizer and across instances', () => {
    const headline = 'Chancellor promises tax cuts in budget';
    const again = categorizer.categorize(headline);
    expect(categorizer.categorize(headline)).toEqual(again);
    expect(loadDefaultCategorizer().categorize(headline)).toEqual(again);
    expect(JSON.stringify(loadDefaultCategorizer().categorize(headline))).toBe(JSON.stringify(again));
  });
});

describe('categorize: obvious headlines', () => {
  for (const [id, headlines] of Object.entries(OBVIOUS)) {
    for (const headline of headlines) {
      it(`${id}: ${headline}`, () => {
        expect(categorizer.categorize(headline).category).toBe(id);
      });
    }
  }

  it('is more confident about an obvious headline than about a vague one', () => {
    const clear = categorizer.categorize('Federer beats Nadal to win Wimbledon title').confidence;
    const vague = categorizer.categorize('A big day for everyone').confidence;
    expect(clear).toBeGreaterThan(vague);
  });

  it('reads typographic quotes and dashes like plain ones', () => {
    expect(categorizer.categorize('China’s exports – and imports – fall as tariffs bite').category).toBe(
      categorizer.categorize("China's exports - and imports - fall as tariffs bite").category,
    );
  });
});

// Written for these tests: each names a country or city, but is about something else.
const PLACED: Record<string, string[]> = {
  health: [
    'New Zealand extends lockdown as Covid cases rise in Auckland',
    'India reports record daily coronavirus infections',
    'Measles outbreak in Samoa: vaccination drive under way',
  ],
  justice: [
    'Teenager charged with murder after stabbing in Glasgow',
    'Police in Mexico arrest suspects over journalist killing',
  ],
  sports: [
    'Argentina beat Brazil to win the Copa America final',
    'Japan stun Ireland at the Rugby World Cup',
  ],
  climate: ['Floods in Germany: climate change made the deluge more likely, scientists say'],
  business: ['Toyota to build new car plant in Poland, creating 1,000 jobs'],
};

describe('categorize: a place says where, not what', () => {
  for (const [id, headlines] of Object.entries(PLACED)) {
    for (const headline of headlines) {
      it(`${headline} → not geopolitics`, () => {
        const { category } = categorizer.categorize(headline);
        expect(category).not.toBe('geopolitics');
        expect(category).toBe(id);
      });
    }
  }

  it('a place alone carries no topic', () => {
    const bare = categorizer.categorize('Auckland');
    expect(bare.category).toBe(categorizer.categorize('').category);
    expect(bare.confidence).toBeCloseTo(categorizer.categorize('').confidence, 9);
  });

  it('relations between states are still geopolitics', () => {
    for (const h of [
      'Russia and Ukraine agree to prisoner swap after peace talks',
      'China warns US over arms sales to Taiwan',
    ])
      expect(categorizer.categorize(h).category, h).toBe('geopolitics');
  });
});

describe('categorize: other is a real class', () => {
  for (const headline of [
    'The best slow-cooker recipes for autumn',
    'Ten hidden beaches to visit in Portugal this summer',
    'Pope celebrates Easter mass with thousands of pilgrims',
    'Dog walks 30 miles home after getting lost on holiday',
  ]) {
    it(`${headline} → other`, () => {
      expect(categorizer.categorize(headline).category).toBe('other');
    });
  }

  // A known miss, kept so that a model that fixes it shows: "budget" is economy's word.
  it.fails('How to style a small living room on a budget → other (known miss: economy)', () => {
    expect(categorizer.categorize('How to style a small living room on a budget').category).toBe('other');
  });
});

describe('categorize: odd input', () => {
  it('puts an empty headline in other', () => {
    const r = categorizer.categorize('');
    expect(r.category).toBe('other');
    expect(Object.values(r.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('puts emoji and punctuation only in other', () => {
    expect(categorizer.categorize('🎉🔥🚀 !!! ???').category).toBe('other');
  });

  it('copes with HTML in a headline', () => {
    const r = categorizer.categorize(
      '<b>Breaking:</b> <a href="https://x.test/">Stocks slump on Wall Street</a>',
    );
    expect(r.category).toBe('markets');
  });

  it('copes with a very long headline', () => {
    const long = `${'Striker scores late winner in cup final '.repeat(2000)}`;
    const r = categorizer.categorize(long);
    expect(r.category).toBe('sports');
    expect(Number.isFinite(r.confidence)).toBe(true);
  });

  it('copes with non-Latin scripts and numbers', () => {
    expect(() => categorizer.categorize('東京株式市場 2025 — 123,456')).not.toThrow();
  });
});

describe('categorize: names the weights never saw', () => {
  // Not in the lexicon nor in the HuffPost training headlines: only the word-vector table knows them.
  const NAMES: Record<string, string[]> = {
    sports: ['Nowitzki', 'Sorenstam', 'McGrady'],
    entertainment: ['Megadeth', 'Weezer', 'Shyamalan'],
  };
  const model = loadCategorizerModel();
  const tokenizer = new StemTokenizer(model.unstemmed, model.places);
  const bare = createCategorizer(taxonomy, { model: { ...model, wordVectors: undefined } });

  for (const [id, names] of Object.entries(NAMES)) {
    for (const name of names) {
      it(`${id}: ${name}`, () => {
        expect(model.weights).not.toHaveProperty(tokenizer.tokens(name)[0] as string);
        // A bare name is weak evidence (the answer may be the unsure "other"), but of the named
        // topics it leans to the right one.
        const named = Object.keys(categorizer.categorize(name).scores).filter((c) => c !== 'other');
        expect(named[0]).toBe(id);
        // Without the word vectors there is no evidence at all.
        expect(Object.keys(bare.categorize(name).scores)[0]).toBe('other');
      });
    }
  }
});

describe('createCategorizer: editable taxonomy', () => {
  it('sends headlines to a user-added category that has only keywords', () => {
    const withCrypto = edited((t) => {
      t.categories.splice(4, 0, {
        id: 'crypto',
        label: 'Crypto',
        emoji: '🪙',
        color: '#f7931a',
        description: 'Cryptocurrencies',
        keywords: { bitcoin: 4, ethereum: 4, 'crypto exchange': 4 },
      });
    });
    const c = createCategorizer(withCrypto);
    const r = c.categorize('Bitcoin jumps past $100,000 as ethereum follows');
    expect(r.category).toBe('crypto');
    expect(r.scores).toHaveProperty('crypto');
    expect(Object.keys(r.scores)).toHaveLength(16);
    // Headlines without its keywords are not pulled in.
    expect(c.categorize('Federer beats Nadal to win Wimbledon title').category).toBe('sports');
  });

  it('keeps working when a label is renamed (ids are what headlines carry)', () => {
    const renamed = edited((t) => {
      const sports = t.categories.find((c) => c.id === 'sports');
      if (sports) sports.label = 'Sport';
    });
    expect(createCategorizer(renamed).categorize('Federer beats Nadal to win Wimbledon title').category).toBe(
      'sports',
    );
  });

  it('never answers with a category that was removed from the taxonomy', () => {
    const noClimate = edited((t) => {
      t.categories = t.categories.filter((c) => c.id !== 'climate');
    });
    const r = createCategorizer(noClimate).categorize('Heatwave and wildfires blamed on climate change');
    expect(r.category).not.toBe('climate');
    expect(r.scores).not.toHaveProperty('climate');
  });

  it('lets a keyword with a negative weight push headlines away', () => {
    const headline = 'Striker scores twice as United win the derby';
    const pushed = edited((t) => {
      const sports = t.categories.find((c) => c.id === 'sports');
      if (sports) sports.keywords = { ...sports.keywords, striker: -10, derby: -10, score: -10 };
    });
    expect(createCategorizer(pushed).categorize(headline).scores.sports).toBeLessThan(
      (categorizer.categorize(headline).scores.sports ?? 0) / 2,
    );
  });

  it('works from keywords alone when given no model', () => {
    const c = createCategorizer(taxonomy, { model: null });
    expect(c.categorize('Tariffs on steel imports start a trade war').category).toBe('trade');
    expect(c.categorize('Nothing much happened today').category).toBe('other');
  });
});

describe('model file checks', () => {
  const valid = {
    format: MODEL_FORMAT,
    classes: ['sports', 'other'],
    maxN: 2,
    temperature: 1,
    fallbackMargin: 0.5,
    phrases: [],
    unstemmed: [],
    weights: { goal: [2, 0] },
  };

  it('accepts a well-formed model and uses it', () => {
    const model = parseCategorizerModel(valid);
    expect(createCategorizer(taxonomy, { model }).categorize('Late goal').category).toBe('sports');
  });

  it("adds word-vector rows for the headline's words, in the model's class order", () => {
    const rows = Buffer.from(Int8Array.from([10, 0, 0, 10])).toString('base64');
    const model = parseCategorizerModel({
      ...valid,
      wordVectors: { words: 'zorbatron quibblix', rows, scale: 0.5 },
    });
    const c = createCategorizer(taxonomy, { model });
    expect(c.categorize('Zorbatron shines again').category).toBe('sports');
    expect(c.categorize('Quibblix shines again').category).toBe('other');
    expect(c.categorize('Late goal').category).toBe('sports');
  });

  it('rejects a word-vector table whose rows do not match its words', () => {
    const rows = Buffer.from(Int8Array.from([10, 0, 0])).toString('base64');
    expect(() =>
      parseCategorizerModel(
        { ...valid, wordVectors: { words: 'zorbatron quibblix', rows, scale: 0.5 } },
        'm.json',
      ),
    ).toThrow(/^m\.json: wordVectors\.rows must hold 2 bytes for each of the 2 words/);
  });

  it('rejects a wrong format or weights of the wrong length, naming the file', () => {
    expect(() => parseCategorizerModel({ ...valid, format: 'v0' }, 'm.json')).toThrow(
      /^m\.json: unknown model format/,
    );
    expect(() => parseCategorizerModel({ ...valid, weights: { goal: [1] } }, 'm.json')).toThrow(BrieferError);
  });
});

describe('features and training', () => {
  it('stems content words and drops function words', () => {
    expect(new StemTokenizer().tokens('The Strikers are scoring in the Derby')).toEqual([
      'striker',
      'score',
      'derbi',
    ]);
  });

  it('can also return the words as written, aligned with their stems', () => {
    const raw: string[] = [];
    expect(new StemTokenizer().tokens("The Strikers' coach is scoring", raw)).toEqual([
      'striker',
      'coach',
      'score',
    ]);
    expect(raw).toEqual(['strikers', 'coach', 'scoring']);
  });

  it('reads a result such as "2-1" as one scoreline word, but not dates, years, decimals or percentages', () => {
    const t = new StemTokenizer();
    expect(t.tokens('Italy 17-28 Ireland')).toEqual(['itali', 'scorelin', 'ireland']);
    expect(t.tokens('Won 3-0, again')).toEqual(['won', 'scorelin']); // "again" is a function word
    expect(t.tokens('Best tweets this week (Sept. 17-23)')).not.toContain('scorelin');
    expect(t.tokens('May 4-10 sale')).not.toContain('scorelin');
    expect(t.tokens('Budget for 2005-06')).not.toContain('scorelin');
    expect(t.tokens('Rates rise 0.5-1.5%')).not.toContain('scorelin');
    expect(t.tokens('Prices up 10-15% this year')).not.toContain('scorelin');
  });

  it('puts bare results in sports', () => {
    expect(categorizer.categorize('Bristol City 2-1 Milton Keynes').category).toBe('sports');
    expect(categorizer.categorize('Italy 8-38 Wales').category).toBe('sports');
  });

  it('keeps listed words unstemmed', () => {
    expect(new StemTokenizer(['federer']).tokens('Federer and federal')).toEqual(['federer', 'feder']);
  });

  it('matches known phrases as units, so their words count once', () => {
    const tokens = ['man', 'utd', 'sign', 'striker'];
    const matcher = new PhraseMatcher(['man utd', 'sign striker today']);
    expect([...matcher.features(tokens)]).toEqual(['man utd', 'sign', 'sign striker', 'striker']);
    const longest = new PhraseMatcher(['new york', 'new york stock exchange']);
    expect([...longest.features(['new', 'york', 'stock', 'exchange'])]).toEqual(['new york stock exchange']);
    expect([...longest.features(['new', 'york', 'stock'])]).toEqual(['new york', 'stock']);
    expect(ngrams(tokens, 2)).toEqual([
      'man',
      'man utd',
      'utd',
      'utd sign',
      'sign',
      'sign striker',
      'striker',
    ]);
  });

  it('trains a softmax that separates two toy classes, identically on every run', () => {
    const examples = [
      { features: ['goal', 'match'], label: 0, weight: 1 },
      { features: ['goal'], label: 0, weight: 1 },
      { features: ['profit', 'shares'], label: 1, weight: 1 },
      { features: ['profit'], label: 1, weight: 1 },
    ];
    const options = { l2: 0.1, iterations: 100, learningRate: 0.1 };
    const a = trainSoftmax(examples, 2, options);
    const b = trainSoftmax(examples, 2, options);
    expect(a.features).toEqual(['goal', 'match', 'profit', 'shares']);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    const goal = a.features.indexOf('goal') * 2;
    expect(a.weights[goal]).toBeGreaterThan(a.weights[goal + 1] as number);
  });

  it('fits the weights around a fixed offset when an example has one', () => {
    const options = { l2: 0.1, iterations: 100, learningRate: 0.1 };
    const plain = [
      { features: ['goal'], label: 0, weight: 1 },
      { features: ['profit'], label: 1, weight: 1 },
    ];
    // The offset already says "class 0" for goal, so the weight has less left to learn.
    const offset = plain.map((e) => ({ ...e, offset: e.label === 0 ? [3, 0] : [0, 0] }));
    const a = trainSoftmax(plain, 2, options);
    const b = trainSoftmax(offset, 2, options);
    expect(b.weights[0] as number).toBeLessThan(a.weights[0] as number);
  });

  it('trains a dense softmax on vectors with soft labels, identically on every run', () => {
    const examples = [
      { x: Float64Array.from([1, 0]), target: [1, 0] },
      { x: Float64Array.from([0.9, 0.1]), target: [0.8, 0.2] },
      { x: Float64Array.from([0, 1]), target: [0, 1] },
    ];
    const options = { l2: 1e-3, iterations: 100, learningRate: 0.1 };
    const a = trainDenseSoftmax(examples, 2, 2, options);
    expect(Array.from(a.weights)).toEqual(Array.from(trainDenseSoftmax(examples, 2, 2, options).weights));
    // Class 0 leans on the first dimension, class 1 on the second.
    expect((a.weights[0] as number) - (a.weights[2] as number)).toBeGreaterThan(0);
    expect((a.weights[3] as number) - (a.weights[1] as number)).toBeGreaterThan(0);
  });
});
