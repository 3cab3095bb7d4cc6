/**
 * The one list of commands every adapter registers and dispatches from. A definition that a platform
 * would reject (bad name, too-long description, too many options) fails here, at start-up, not at
 * registration time on Discord.
 */
import { z } from 'zod';
import type { Command } from './types.ts';

const name = z.string().regex(/^[a-z0-9_-]{1,32}$/, 'must be 1-32 lower-case letters, digits, - or _');
const description = z.string().min(1).max(100);

const OptionSchema = z
  .object({
    name,
    description,
    type: z.enum(['string', 'integer', 'boolean']),
    required: z.boolean().optional(),
    choices: z
      .array(z.object({ name: z.string().min(1).max(100), value: z.union([z.string(), z.number()]) }))
      .max(25)
      .optional(),
    minValue: z.number().optional(),
    maxValue: z.number().optional(),
    maxLength: z.number().int().min(1).max(6000).optional(),
    autocomplete: z.boolean().optional(),
  })
  .refine((o) => !(o.autocomplete && o.choices), 'an option cannot have both choices and autocomplete');

const DefinitionSchema = z.object({
  name,
  description,
  usage: z.string().optional(),
  options: z
    .array(OptionSchema)
    .max(25)
    .refine((os) => {
      // Discord requires required options before optional ones.
      const firstOptional = os.findIndex((o) => !o.required);
      return firstOptional === -1 || os.slice(firstOptional).every((o) => !o.required);
    }, 'required options must come before optional ones'),
  adminOnly: z.boolean().optional(),
});

export class CommandRegistry {
  readonly #commands = new Map<string, Command>();

  constructor(commands: readonly Command[] = []) {
    for (const c of commands) this.add(c);
  }

  add(command: Command): this {
    const parsed = DefinitionSchema.safeParse(command?.definition);
    if (!parsed.success) {
      const where = command?.definition?.name ?? '(unnamed)';
      throw new TypeError(
        `command ${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    if (typeof command.execute !== 'function')
      throw new TypeError(`command ${command.definition.name}: no execute()`);
    if (this.#commands.has(command.definition.name))
      throw new TypeError(`command ${command.definition.name}: defined twice`);
    this.#commands.set(command.definition.name, command);
    return this;
  }

  get(name: string): Command | undefined {
    return this.#commands.get(name.replace(/^\//, '').toLowerCase());
  }

  list(): Command[] {
    return [...this.#commands.values()];
  }
}
