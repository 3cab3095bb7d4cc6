import { describe, expect, it } from 'vitest';
import { commands, createCommandRegistry } from '../../commands/index.ts';
import { CommandRegistry } from '../../src/commands/registry.ts';
import type { Command } from '../../src/commands/types.ts';

const noop: Command['execute'] = async () => ({
  view: { kind: 'message', tone: 'info', text: 'ok' },
  visibility: 'public',
});
const cmd = (definition: Partial<Command['definition']>): Command => ({
  definition: { name: 'x', description: 'd', options: [], ...definition },
  execute: noop,
});

describe('CommandRegistry', () => {
  it('holds the product commands, each valid for Discord and Slack', () => {
    const registry = createCommandRegistry();
    expect(registry.list().map((c) => c.definition.name)).toEqual(commands.map((c) => c.definition.name));
    for (const name of ['brief', 'story', 'headlines', 'help']) expect(registry.get(name)).toBeDefined();
    expect(registry.get('/BRIEF')?.definition.name).toBe('brief');
  });

  it('rejects a duplicate name', () => {
    expect(() => new CommandRegistry([cmd({ name: 'a' }), cmd({ name: 'a' })])).toThrow(
      /command a: defined twice/,
    );
  });

  it('rejects definitions a platform would refuse', () => {
    expect(() => new CommandRegistry([cmd({ name: 'Brief' })])).toThrow(/name: must be 1-32 lower-case/);
    expect(() => new CommandRegistry([cmd({ description: 'x'.repeat(101) })])).toThrow(/description/);
    expect(
      () =>
        new CommandRegistry([
          cmd({
            options: [
              { name: 'a', description: 'a', type: 'string' },
              { name: 'b', description: 'b', type: 'string', required: true },
            ],
          }),
        ]),
    ).toThrow(/required options must come before optional ones/);
    expect(
      () =>
        new CommandRegistry([
          cmd({
            options: Array.from({ length: 26 }, (_, i) => ({
              name: `o${i}`,
              description: 'o',
              type: 'string' as const,
            })),
          }),
        ]),
    ).toThrow(/options/);
  });

  it('rejects a command without a handler', () => {
    expect(
      () =>
        new CommandRegistry([
          { definition: { name: 'x', description: 'd', options: [] } } as unknown as Command,
        ]),
    ).toThrow(/no execute/);
  });
});
