import { describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../commands/index.ts';
import { argsFromOptions, focusedOption } from '../../../src/adapters/discord/command-args.ts';
import { toDiscordCommand } from '../../../src/adapters/discord/command-definitions.ts';
import { decodePageId, encodePageId, pageArgs } from '../../../src/adapters/discord/page-id.ts';
import type { CommandDefinition } from '../../../src/core/command-definition.ts';

const registry = createCommandRegistry();
const def = (name: string) => registry.get(name)?.definition as CommandDefinition;

describe('toDiscordCommand', () => {
  it('translates every command of commands/ into a chat-input command', () => {
    const json = registry.list().map((c) => toDiscordCommand(c.definition));
    expect(json.map((c) => c.name)).toEqual(registry.list().map((c) => c.definition.name));
    for (const c of json) {
      expect(c.type).toBe(1);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.options.length).toBeLessThanOrEqual(25);
    }
  });

  it('keeps option types, bounds and autocomplete', () => {
    expect(toDiscordCommand(def('story')).options).toEqual([
      { type: 4, name: 'sentences', description: expect.any(String), min_value: 1, max_value: 10 },
    ]);
    expect(toDiscordCommand(def('headlines')).options[0]).toMatchObject({
      type: 3,
      autocomplete: true,
      max_length: 64,
    });
  });

  it('limits admin-only commands to Manage Server, in servers only', () => {
    const admin = toDiscordCommand({ name: 'digest', description: 'd', options: [], adminOnly: true });
    expect(admin.default_member_permissions).toBe('32');
    expect(admin.contexts).toEqual([0]);
    expect(toDiscordCommand(def('brief')).default_member_permissions).toBeNull();
  });
});

describe('argsFromOptions', () => {
  it('keeps known options of the right type, clamped to their bounds', () => {
    expect(argsFromOptions(def('story'), [{ name: 'sentences', type: 4, value: 50 }])).toEqual({
      sentences: 10,
    });
    expect(argsFromOptions(def('story'), [{ name: 'sentences', type: 3, value: 'lots' }])).toEqual({});
    expect(argsFromOptions(def('story'), [{ name: 'other', type: 4, value: 1 }])).toEqual({});
    expect(argsFromOptions(def('headlines'), [{ name: 'category', type: 3, value: 'markets' }])).toEqual({
      category: 'markets',
    });
  });

  it('finds the option being typed in an autocomplete', () => {
    expect(focusedOption([{ name: 'category', type: 3, value: 'ma', focused: true }])).toEqual({
      name: 'category',
      typed: 'ma',
    });
    expect(focusedOption([])).toBeUndefined();
  });
});

describe('page ids', () => {
  it('round-trip a command, its args and a page within 100 characters', () => {
    const id = encodePageId('headlines', { category: 'markets & more' }, 3);
    expect(id.length).toBeLessThanOrEqual(100);
    const decoded = decodePageId(`${id}#n`);
    expect(decoded?.command).toBe('headlines');
    expect(decoded?.page).toBe(3);
    expect(pageArgs(def('headlines'), decoded?.query ?? new URLSearchParams())).toEqual({
      category: 'markets & more',
    });
    expect(pageArgs(def('story'), new URLSearchParams('sentences=99'))).toEqual({ sentences: 10 });
  });

  it('ignores custom ids that are not Briefer pages', () => {
    expect(decodePageId('something-else')).toBeUndefined();
    expect(decodePageId('bp|brief|x|')).toBeUndefined();
  });
});
