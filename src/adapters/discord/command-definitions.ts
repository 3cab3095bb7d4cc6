/**
 * Briefer command definitions → Discord application commands (the JSON `PUT …/commands` takes).
 * Definitions come from `commands/` only; this only translates.
 */
import type { CommandDefinition, OptionDefinition } from '../../core/command-definition.ts';

const OPTION_TYPE = { string: 3, integer: 4, boolean: 5 } as const;
/** Manage Server: who may use adminOnly commands unless a server admin changes it. */
const MANAGE_GUILD = String(1 << 5);
/** Interaction contexts: 0 = server, 1 = DM with the bot. */
const GUILD = 0;
const BOT_DM = 1;
/** Integration types: 0 = installed to a server. */
const GUILD_INSTALL = 0;

export interface DiscordOptionJson {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  min_value?: number;
  max_value?: number;
  max_length?: number;
  autocomplete?: boolean;
}

export interface DiscordCommandJson {
  type: 1;
  name: string;
  description: string;
  options: DiscordOptionJson[];
  default_member_permissions: string | null;
  contexts: number[];
  integration_types: number[];
}

function option(o: OptionDefinition): DiscordOptionJson {
  const out: DiscordOptionJson = { type: OPTION_TYPE[o.type], name: o.name, description: o.description };
  if (o.required) out.required = true;
  if (o.choices) out.choices = o.choices.map((c) => ({ name: c.name, value: c.value }));
  if (o.minValue !== undefined) out.min_value = o.minValue;
  if (o.maxValue !== undefined) out.max_value = o.maxValue;
  if (o.maxLength !== undefined) out.max_length = o.maxLength;
  if (o.autocomplete) out.autocomplete = true;
  return out;
}

export function toDiscordCommand(def: CommandDefinition): DiscordCommandJson {
  return {
    type: 1,
    name: def.name,
    description: def.description,
    options: def.options.map(option),
    default_member_permissions: def.adminOnly ? MANAGE_GUILD : null,
    // Admin commands make no sense in a DM (there is no server to manage).
    contexts: def.adminOnly ? [GUILD] : [GUILD, BOT_DM],
    integration_types: [GUILD_INSTALL],
  };
}
