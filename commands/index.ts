/** The one list of Briefer's commands. Adapters register and dispatch from it; nothing else defines commands. */
import { CommandRegistry } from '../src/commands/registry.ts';
import { brief } from './brief.ts';
import { digest } from './digest.ts';
import { headlines } from './headlines.ts';
import { help } from './help.ts';
import { story } from './story.ts';

export const commands = [brief, story, headlines, digest, help] as const;

export function createCommandRegistry(): CommandRegistry {
  return new CommandRegistry(commands);
}
