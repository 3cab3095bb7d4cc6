import type { Command } from '../src/commands/types.ts';
import { staleNotices } from '../src/service/stale-notices.ts';

/** /brief — the lead story summarized and the day's headlines grouped by category. */
export const brief: Command = {
  definition: {
    name: 'brief',
    description: "Today's briefing: the lead story summarized and the headlines by category",
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
  async execute(args, { briefings, limits }) {
    const sentences = typeof args.sentences === 'number' ? args.sentences : undefined;
    const result = await briefings.get({ sentences });
    return {
      view: { kind: 'brief', briefing: result.briefing, limits },
      visibility: 'public',
      notices: staleNotices(result),
    };
  },
};
