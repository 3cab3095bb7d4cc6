/**
 * What a command is, as data: its name, description and options. Adapters register commands from these,
 * the text parsers read arguments against them, and /help renders them.
 */

export type OptionType = 'string' | 'integer' | 'boolean';

export interface OptionChoice {
  name: string;
  value: string | number;
}

export interface OptionDefinition {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  choices?: OptionChoice[];
  /** For integers. */
  minValue?: number;
  maxValue?: number;
  /** For strings. */
  maxLength?: number;
  /** Offer completions as the user types (Discord autocomplete); the command's `autocomplete` answers. */
  autocomplete?: boolean;
}

export interface CommandDefinition {
  /** Lower-case, 1–32 characters, as Discord and Slack require. */
  name: string;
  /** One line, at most 100 characters (Discord's limit). */
  description: string;
  /** Shown in help text, e.g. `[category]`. */
  usage?: string;
  options: OptionDefinition[];
  /** Only members who can manage the server/workspace may run it (Discord default member permissions). */
  adminOnly?: boolean;
}

export type ArgValue = string | number | boolean;
export type CommandArgs = Record<string, ArgValue | undefined>;

/** How to type a command, e.g. `/story [sentences]`. */
export function usageOf(def: CommandDefinition): string {
  const opts = def.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`)).join(' ');
  return `/${def.name}${opts ? ` ${opts}` : ''}`;
}
