import type { Command } from '../src/commands/types.ts';

/** /help — what Briefer can do. */
export const help: Command = {
  definition: { name: 'help', description: 'What Briefer can do and how to ask', options: [] },
  async execute(_args, { commands }) {
    return { view: { kind: 'help', commands: commands.map((c) => c.definition) }, visibility: 'ephemeral' };
  },
};
