/**
 * Discord options → CommandArgs. Discord validates against the registered definition, but HTTP
 * interactions and stale registrations can still send surprises, so values are checked again here.
 */
import type {
  ArgValue,
  CommandArgs,
  CommandDefinition,
  OptionDefinition,
} from '../../core/command-definition.ts';
import type { RawOption } from './interaction.ts';

export function argsFromOptions(def: CommandDefinition, options: readonly RawOption[]): CommandArgs {
  const args: CommandArgs = {};
  for (const raw of options) {
    const option = def.options.find((o) => o.name === raw.name);
    const value = option && raw.value !== undefined ? coerce(option, raw.value) : undefined;
    if (option && value !== undefined) args[option.name] = value;
  }
  return args;
}

/** A value of the option's type within its bounds, or undefined when it cannot be one. */
export function coerce(option: OptionDefinition, value: unknown): ArgValue | undefined {
  switch (option.type) {
    case 'integer': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) return undefined;
      return Math.min(option.maxValue ?? n, Math.max(option.minValue ?? n, n));
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'string':
      return typeof value === 'string' ? value.slice(0, option.maxLength ?? 6000) : undefined;
  }
}

/** The option being typed in an autocomplete interaction, and what has been typed so far. */
export function focusedOption(options: readonly RawOption[]): { name: string; typed: string } | undefined {
  const focused = options.find((o) => o.focused);
  return focused ? { name: focused.name, typed: String(focused.value ?? '') } : undefined;
}
