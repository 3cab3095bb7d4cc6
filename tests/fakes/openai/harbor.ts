/** The sample lead story (data/sample-digest.txt) and answers a fake model gives about it. */
import { type News, NewsSchema } from '../../../src/core/schemas.ts';

export const HARBOR_PARAGRAPHS = [
  'Five coastal nations agreed on Tuesday to create a $120 billion fund to convert their merchant fleets to low-emission fuels by 2035, in the largest public commitment yet to clean up global shipping.',
  'The Harbor Compact, signed in Lisbon by Portugal, Norway, South Korea, Chile and Kenya, will finance new engines, shore power and green ammonia bunkering in more than 40 ports. Officials said the first grants would be awarded on March 1, 2027.',
  '“Shipping carries 80% of world trade and has been left behind for too long,” said Portuguese Maritime Minister Helena Duarte at the signing ceremony.',
  'The fund will be managed by the Nordic Investment Bank and backed by a 2.5% levy on fuel sold in member ports. Analysts at Meridian Capital estimate the levy will add about $4 to the cost of shipping a standard container from Asia to Europe.',
  'The agreement still needs approval from each country’s parliament. Duarte said she expected ratification to be completed by the end of 2026.',
];

export const HARBOR_TITLES = [
  'Central bank holds rates at 3.75% as inflation cools to 2.4%',
  'Stocks climb to record high as chipmakers rally on strong earnings',
];

/** News whose lead is the Harbor story, with `extra` paragraphs (e.g. an injection) and its own URL. */
export function harborNews(options: { extra?: string[]; url?: string } = {}): News {
  return NewsSchema.parse({
    story: {
      title: 'Harbor nations launch $120 billion clean-shipping fund',
      url: options.url ?? 'https://news.example/harbor',
      paragraphs: [...HARBOR_PARAGRAPHS, ...(options.extra ?? [])],
    },
    headlines: HARBOR_TITLES.map((title) => ({ title })),
  });
}

/** A grounded answer: rephrased, "$120bn" for "$120 billion", every name and figure in the article. */
export const GOOD_ANSWER = {
  summary: [
    'Portugal, Norway, South Korea, Chile and Kenya agreed to set up a $120bn fund to move their merchant fleets to cleaner fuels by 2035.',
    'A 2.5 per cent levy on fuel sold in member ports will pay for it.',
  ],
  why_it_matters: 'Shipping carries 80% of world trade, so cleaner ships cut a large share of emissions.',
  overview: 'Central bank holds rates as stocks climb to a record high.',
};

/** An answer with a figure and a name the article does not have. */
export const UNGROUNDED_ANSWER = {
  summary: ['Seven nations agreed to a $150 billion fund, said Prime Minister Ana Costa.'],
  why_it_matters: 'It is the biggest shipping deal since 1997.',
  overview: '',
};
