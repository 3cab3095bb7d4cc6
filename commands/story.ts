import type { Command } from '../src/commands/types.ts';
import { staleNotices } from '../src/service/stale-notices.ts';

/** /story — the lead story only: summary, key facts, link. */
export const story: Command = {
  definition: {
    name: 'story',
    description: 'The lead story: summary, key facts and link',
    options: [
      {
        name: 'sentences',
        description: 'How many sentences of summary (default 3)',
        type: 'integer',
        minValue: 1,
        maxValue: 10,
      },
    ],
  },
  async execute(args, { briefings }) {
    const sentences = typeof args.sentences === 'number' ? args.sentences : undefined;
    const result = await briefings.get({ sentences });
    return {
      view: { kind: 'story', briefing: result.briefing },
      visibility: 'public',
      notices: staleNotices(result),
    };
  },
};
