import { describe, expect, it } from 'vitest';
import { clusterStories, type StoryItem } from '../../../src/core/stories/cluster-stories.ts';

// A day's other news: word rarity is measured over the day, so pairs are judged among other stories.
const DAY = [
  'Striker scores twice as City win the derby',
  'Chipmaker shares jump on record earnings',
  'Storm cuts power to thousands along the coast',
  'Parliament passes budget after all-night session',
  'Museum returns looted statues to their temple',
  'New vaccine trial shows strong immune response',
  'Teachers strike over pay enters second week',
  'Wildfire forces evacuations in hill towns',
  'Film festival opens with a documentary on jazz',
  'Rail operator orders 40 new trains',
  'Court blocks sale of the national airline',
  'Tennis champion withdraws with a wrist injury',
].map((title) => ({ title }));

/** Do the two headlines end up in one story, told among the day's other news? */
function together(a: string | StoryItem, b: string | StoryItem): boolean {
  const item = (x: string | StoryItem) => (typeof x === 'string' ? { title: x } : x);
  const stories = clusterStories([item(a), ...DAY, item(b)]);
  return stories[0] === stories.at(-1);
}

describe('story clustering: paraphrases that must merge', () => {
  it.each([
    [
      "Kestria's central bank delivers surprise half-point rate cut",
      'Kestria central bank lowers benchmark rate by 50 basis points',
    ],
    [
      'Harbor nations launch $120bn clean-shipping fund',
      'Five nations unveil $120 billion fund to clean up shipping',
    ],
    ['Central bank holds rates at 3.75%', 'Central bank keeps interest rates unchanged at 3.75 per cent'],
    [
      "Airline merger creates continent's largest carrier",
      'Airline Merger Creates the Continent’s Largest Carrier',
    ],
    ['Fed raises rates by a quarter point - Reuters', 'Fed raises interest rates by quarter point'],
    // A demonym names its country's place.
    ['Libyan rebels load oil tanker at seized port', 'Libya navy moves to stop rebel oil shipment'],
    // A compound written with and without its hyphen.
    [
      'Satellite firm turns to crowd-sourcing in hunt for lost jet',
      'Crowdsourcing effort launched to find missing airliner',
    ],
    ['Reality star launches docu-series', 'Her new docuseries premieres on OWN'],
  ])('%s / %s', (a, b) => {
    expect(together(a, b)).toBe(true);
  });

  it('uses the descriptions when titles share little', () => {
    const a = {
      title: 'Crews walk out over pay',
      summary: 'Gull Island ferry crews walked out on Monday, halting all crossings to the mainland.',
    };
    const b = {
      title: 'Gull Island cut off as crossings halted',
      summary: 'All Gull Island ferry crossings were halted by a crew strike on Monday.',
    };
    expect(together(a, b)).toBe(true);
    expect(together(a.title, b.title)).toBe(false);
  });

  it('links items by identity first: one canonical link is one story, whatever the titles', () => {
    expect(
      together(
        { title: 'Live: markets open', url: 'https://news.example/story/1?utm_source=rss' },
        { title: 'Stocks at a glance', url: 'https://www.news.example/story/1/' },
      ),
    ).toBe(true);
    expect(
      together(
        { title: 'Morning briefing', guid: 'a' },
        { title: 'Council approves harbour plan', guid: 'a' },
      ),
    ).toBe(true);
  });
});

describe('story clustering: look-alikes that must stay apart', () => {
  it.each([
    ['Stocks rise as Fed holds rates', 'Stocks fall as Fed holds rates'],
    ['Bank raises rates by half a point', 'Bank cuts rates by half a point'],
    ['Shares in Acme climb after results', 'Shares in Acme tumble after results'],
  ])('opposite moves: %s / %s', (a, b) => {
    expect(together(a, b)).toBe(false);
  });

  // Feed items come with descriptions; titles alone this short can't always tell (see docs/sources.md).
  it.each([
    [
      {
        title: 'Gunman kills three at a school in Texas',
        summary:
          'Police in Uvalde said the suspect, 19, was shot dead by officers after the attack on Tuesday.',
      },
      {
        title: 'Gunman kills five at a shopping mall in Bavaria',
        summary: 'Munich police said the attacker fired at shoppers before fleeing; a manhunt is under way.',
      },
    ],
  ])('two shootings in two countries: %o', (a, b) => {
    expect(together(a, b)).toBe(false);
  });

  // A place says where, not which story: sharing only a country (or its demonym) is not enough.
  it.each([
    ['Kenya opens Nairobi rail link', 'Kenya marathon champion retires'],
    ['Chile earthquake kills dozens', 'Chilean wine exports soar'],
    ['Ukraine grain deal extended', 'Ukrainian singer wins contest'],
  ])('two stories in one country: %s / %s', (a, b) => {
    expect(together(a, b)).toBe(false);
  });

  it('still joins one story told in one country by its other words', () => {
    expect(together('Chile earthquake kills dozens', 'Chilean earthquake death toll rises to 40')).toBe(true);
  });
});

describe('story clustering: the method', () => {
  it('does not chain: a headline close to two stories does not join them', () => {
    const items = [
      'Acme recalls 2 million cars over brake fault',
      'Acme brake fault recall covers 2 million cars',
      'Acme recalls cars over brake fault as Zenith shares slump',
      'Zenith shares slump after profit warning',
      'Zenith profit warning sends shares lower',
      ...DAY.map((d) => d.title),
    ].map((title) => ({ title }));
    const s = clusterStories(items);
    expect(s[0]).toBe(s[1]);
    expect(s[3]).toBe(s[4]);
    expect(s[0]).not.toBe(s[3]);
  });

  it('is deterministic and numbers stories by first appearance', () => {
    const items = [...DAY, { title: 'Chipmaker shares jump after record earnings' }];
    const first = clusterStories(items);
    expect(clusterStories(items)).toEqual(first);
    expect(first[0]).toBe(0);
    expect(first.at(-1)).toBe(first[1]);
    expect(new Set(first).size).toBe(DAY.length);
  });

  it('never merges headlines with no content words by accident', () => {
    const s = clusterStories([{ title: '!!!' }, { title: '???' }, { title: 'The' }]);
    expect(new Set(s).size).toBe(3);
  });
});

describe('story clustering: what an outlet repeats in every description is furniture', () => {
  const stories = [
    'Council approves new river bridge budget',
    'Storm floods coastal towns overnight',
    'Chipmaker unveils faster processor',
    'Court jails fraudster for ten years',
    'Scientists find water on a distant moon',
  ];
  const gazette = (title: string): StoryItem => ({
    title,
    outlet: 'Daily Gazette',
    summary: `${title}, officials said on Monday. Subscribe to the Daily Gazette newsletter for breaking updates every morning. The post ${title} appeared first on Daily Gazette Online.`,
  });

  it('keeps one outlet’s different stories apart despite a shared sign-off', () => {
    const result = clusterStories([...stories.map(gazette), ...DAY]);
    expect(new Set(result.slice(0, stories.length)).size).toBe(stories.length);
  });

  it('would merge them without knowing the outlet (the sign-off alone links them)', () => {
    const anonymous = stories.map((t) => {
      const { outlet: _outlet, ...rest } = gazette(t);
      return rest;
    });
    const result = clusterStories([...anonymous, ...DAY]);
    expect(new Set(result.slice(0, stories.length)).size).toBeLessThan(stories.length);
  });

  it('still joins one outlet’s follow-ups of one story, by their titles', () => {
    const items = [
      gazette('Kestria central bank cuts rates by half a point'),
      gazette('Kestria rate cut: what the half-point move means for mortgages'),
      gazette('Kestria central bank rate cut surprises markets'),
      ...stories.map(gazette),
    ];
    const result = clusterStories([...items, ...DAY]);
    expect(result[0]).toBe(result[1]);
    expect(result[0]).toBe(result[2]);
    expect(new Set(result.slice(3, 3 + stories.length)).size).toBe(stories.length);
  });
});
