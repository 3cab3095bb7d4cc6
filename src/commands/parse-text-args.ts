/**
 * Parses the text after a slash command, for platforms that deliver it as one string (Slack, console):
 * `/headlines markets`, `/story 5`, `/story sentences:5`, `/story --sentences 5`, `/story sentences=5`.
 * Positional values fill the options in order. Anything that doesn't fit is a UsageError saying how to type it.
 */

import type {
  ArgValue,
  CommandArgs,
  CommandDefinition,
  OptionDefinition,
} from '../core/command-definition.ts';
import { usageOf } from '../core/command-definition.ts';
import { UsageError } from '../core/errors.ts';

/** Splits on whitespace, keeping "quoted strings" (straight or curly) together. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const m of text.matchAll(/(?:[^\s"“”]*(?:"[^"]*"|“[^”]*”))+|\S+/g)) {
    tokens.push(m[0].replace(/["“”]/g, ''));
  }
  return tokens;
}

export function parseTextArgs(def: CommandDefinition, text: string): CommandArgs {
  const args: CommandArgs = {};
  const tokens = tokenize(text.trim());
  const positional = def.options.slice();
  const byName = new Map(def.options.map((o) => [o.name, o]));
  const fail = (problem: string): never => {
    throw new UsageError(`${problem}. Usage: ${usageOf(def)}`);
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    let option: OptionDefinition | undefined;
    let raw: string | undefined;
    const named = /^(?:--)?([a-z][a-z0-9_-]*)(?:[:=](.*))?$/i.exec(token);
    const flag = byName.get(token.replace(/^--/, '').toLowerCase());
    if (flag?.type === 'boolean' && !token.startsWith('--')) {
      // A bare option name switches a boolean on: `/digest on preview`.
      option = flag;
      raw = 'true';
    } else if (
      named &&
      byName.has((named[1] ?? '').toLowerCase()) &&
      (token.startsWith('--') || named[2] !== undefined)
    ) {
      option = byName.get((named[1] ?? '').toLowerCase());
      raw = named[2];
      if (raw === undefined || raw === '') {
        if (option?.type === 'boolean' && !(tokens[i + 1] ?? '').match(/^(true|false|yes|no|on|off)$/i))
          raw = 'true';
        else raw = tokens[++i];
      }
    } else {
      option = positional.find((o) => args[o.name] === undefined);
      raw = token;
    }
    if (!option) fail(`unexpected "${token}"`);
    const o = option as OptionDefinition;
    if (args[o.name] !== undefined) fail(`${o.name} given twice`);
    if (raw === undefined) fail(`${o.name} needs a value`);
    args[o.name] = coerce(o, raw as string, fail);
  }
  for (const o of def.options) if (o.required && args[o.name] === undefined) fail(`${o.name} is required`);
  return args;
}

function coerce(o: OptionDefinition, raw: string, fail: (p: string) => never): ArgValue {
  switch (o.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(raw)) return fail(`${o.name} must be a whole number, not "${raw}"`);
      const n = Number(raw);
      if (o.minValue !== undefined && n < o.minValue) fail(`${o.name} must be at least ${o.minValue}`);
      if (o.maxValue !== undefined && n > o.maxValue) fail(`${o.name} must be at most ${o.maxValue}`);
      return n;
    }
    case 'boolean': {
      if (/^(true|yes|on)$/i.test(raw)) return true;
      if (/^(false|no|off)$/i.test(raw)) return false;
      return fail(`${o.name} must be true or false, not "${raw}"`);
    }
    default: {
      if (o.maxLength !== undefined && raw.length > o.maxLength) fail(`${o.name} is too long`);
      if (o.choices && !o.choices.some((c) => String(c.value) === raw))
        fail(`${o.name} must be one of ${o.choices.map((c) => c.value).join(', ')}`);
      return raw;
    }
  }
}
