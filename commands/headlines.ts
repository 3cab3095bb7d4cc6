import type { Command } from '../src/commands/types.ts';
import { findCategory } from '../src/core/taxonomy-lookup.ts';
import { staleNotices } from '../src/service/stale-notices.ts';

/** /headlines [category] — the day's headlines, all or one category. */
export const headlines: Command = {
  definition: {
    name: 'headlines',
    description: "Today's headlines by category, or only one category",
    options: [
      {
        name: 'category',
        description: 'Only this category (e.g. markets, sports)',
        type: 'string',
        maxLength: 64,
        autocomplete: true,
      },
    ],
  },
  async execute(args, { briefings, taxonomy, limits }) {
    let category: string | undefined;
    if (typeof args.category === 'string' && args.category.trim()) {
      const found = findCategory(taxonomy, args.category);
      if (!found) {
        return {
          view: {
            kind: 'message',
            tone: 'error',
            title: 'Unknown category',
            text: `There is no category "${args.category.trim()}". Try one of: ${taxonomy.categories.map((c) => c.id).join(', ')}.`,
          },
          visibility: 'ephemeral',
        };
      }
      category = found.id;
    }
    const result = await briefings.get();
    return {
      view: { kind: 'headlines', briefing: result.briefing, category, limits },
      visibility: 'public',
      notices: staleNotices(result),
    };
  },
  autocomplete(_option, typed, { taxonomy }) {
    const q = typed.trim().toLowerCase();
    return taxonomy.categories
      .filter((c) => !q || c.id.includes(q) || c.label.toLowerCase().includes(q))
      .slice(0, 25)
      .map((c) => ({ name: `${c.emoji} ${c.label}`.slice(0, 100), value: c.id }));
  },
};
