import { describe, expect, it } from 'vitest';
import { handleInteraction, type InteractionDeps } from '../../../src/adapters/discord/handle-interaction.ts';
import type { IncomingInteraction, InteractionResponder } from '../../../src/adapters/discord/interaction.ts';
import { encodePageId } from '../../../src/adapters/discord/page-id.ts';
import { CommandRegistry } from '../../../src/commands/registry.ts';
import type { Command, CommandContext } from '../../../src/commands/types.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { loadTaxonomy } from '../../../src/core/taxonomy.ts';
import { createLogger } from '../../../src/log.ts';
import { MemoryLog } from '../../fakes/discord/memory-log.ts';

const taxonomy = loadTaxonomy();
const message = (text: string, visibility: Reply['visibility'] = 'public'): Reply => ({
  view: { kind: 'message', tone: 'info', text },
  visibility,
});

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const slowGate = gate();
const seen: CommandContext[] = [];

const commands: Command[] = [
  {
    definition: {
      name: 'fast',
      description: 'd',
      options: [{ name: 'n', description: 'd', type: 'integer', maxValue: 5 }],
    },
    execute: async (args, ctx) => {
      seen.push(ctx);
      return message(`n=${args.n}`);
    },
  },
  {
    definition: { name: 'slow', description: 'd', options: [] },
    execute: async () => {
      await slowGate.opened;
      return message('late');
    },
  },
  {
    definition: { name: 'private', description: 'd', options: [] },
    execute: async () => message('secret', 'ephemeral'),
  },
  {
    definition: { name: 'boom', description: 'd', options: [] },
    execute: async () => {
      throw new Error('kaboom');
    },
  },
  {
    definition: { name: 'broken', description: 'd', options: [] },
    // A view no renderer knows: rendering fails after the command succeeded.
    execute: async () => ({ view: { kind: 'nope' } as unknown as Reply['view'], visibility: 'public' }),
  },
  {
    definition: { name: 'admin', description: 'd', options: [], adminOnly: true },
    execute: async () => message('ok'),
  },
  {
    definition: {
      name: 'pick',
      description: 'd',
      options: [{ name: 'q', description: 'd', type: 'string', autocomplete: true }],
    },
    execute: async () => message('x'),
    autocomplete: (_o, typed) =>
      Array.from({ length: 40 }, (_, i) => ({ name: `${typed}${i}`, value: `${i}` })),
  },
];

function setup(deferAfterMs = 50) {
  const log = new MemoryLog();
  const logger = createLogger('debug', log);
  const registry = new CommandRegistry(commands);
  const deps: InteractionDeps = {
    app: {
      registry,
      taxonomy,
      context: (platform, extra = {}) => ({
        platform,
        taxonomy,
        logger,
        commands: registry.list(),
        briefings: { get: () => Promise.reject(new Error('unused')) },
        ...extra,
      }),
    },
    logger,
    deferAfterMs,
  };
  const calls: Array<[string, unknown?]> = [];
  const responder = (fail: string[] = []): InteractionResponder => {
    const call = (name: string) => async (arg?: unknown) => {
      calls.push([name, arg]);
      if (fail.includes(name)) throw new Error(`${name} refused`);
    };
    return {
      reply: call('reply'),
      defer: call('defer'),
      update: call('update'),
      deferUpdate: call('deferUpdate'),
      autocomplete: call('autocomplete'),
      editOriginal: call('editOriginal'),
      deleteOriginal: call('deleteOriginal'),
      followUp: call('followUp'),
    };
  };
  return { deps, calls, responder, log };
}

const user = { id: '42', name: 'Reader', isAdmin: false };
const cmd = (command: string, options: Array<{ name: string; type: number; value: string | number }> = []) =>
  ({
    kind: 'command',
    id: '1',
    user,
    channelId: '7',
    guildId: '9',
    command,
    options,
  }) satisfies IncomingInteraction;

describe('handleInteraction', () => {
  it('answers a fast command directly, with typed args and who asked in the context', async () => {
    const { deps, calls, responder } = setup();
    await handleInteraction(deps, cmd('fast', [{ name: 'n', type: 4, value: 9 }]), responder());
    expect(calls.map((c) => c[0])).toEqual(['reply']);
    expect(JSON.stringify(calls[0]?.[1])).toContain('n=5'); // clamped to maxValue
    expect(seen.at(-1)).toMatchObject({ platform: 'discord', user, channel: { id: '7', guildId: '9' } });
  });

  it('defers a slow command, then edits the original', async () => {
    const { deps, calls, responder } = setup();
    const done = handleInteraction(deps, cmd('slow'), responder());
    await new Promise((r) => setTimeout(r, 120));
    expect(calls.map((c) => c[0])).toEqual(['defer']);
    expect(calls[0]?.[1]).toEqual({ ephemeral: false });
    slowGate.open();
    await done;
    expect(calls.map((c) => c[0])).toEqual(['defer', 'editOriginal']);
    expect(calls[1]?.[1]).toMatchObject({ content: '', components: [] });
  });

  it('sends ephemeral replies with flags 64', async () => {
    const { deps, calls, responder } = setup();
    await handleInteraction(deps, cmd('private'), responder());
    expect(calls[0]).toMatchObject(['reply', { flags: 64 }]);
  });

  it('turns a failing command into a short ephemeral message and logs the full error', async () => {
    const { deps, calls, responder, log } = setup();
    await handleInteraction(deps, cmd('boom'), responder());
    expect(calls[0]).toMatchObject(['reply', { flags: 64 }]);
    expect(JSON.stringify(calls[0]?.[1])).not.toContain('kaboom');
    const failed = log.entries().find((e) => e.msg === 'command failed');
    expect(failed?.level).toBe(50);
    expect(JSON.stringify(failed?.err)).toContain('kaboom');
  });

  it('reports a rendering failure to the user and the log', async () => {
    const { deps, calls, responder, log } = setup();
    await handleInteraction(deps, cmd('broken'), responder());
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject(['reply', { flags: 64 }]);
    expect(log.entries().some((e) => e.msg === 'discord interaction failed' && e.level === 50)).toBe(true);
  });

  it('survives Discord refusing the answer (logged, never thrown)', async () => {
    const { deps, calls, responder, log } = setup();
    await expect(handleInteraction(deps, cmd('fast'), responder(['reply']))).resolves.toBeUndefined();
    expect(calls.map((c) => c[0])).toEqual(['reply', 'reply']);
    expect(log.entries().some((e) => e.msg === 'could not tell the user about the failure')).toBe(true);
  });

  it('refuses an admin-only command to a member who cannot manage the server', async () => {
    const { deps, calls, responder } = setup();
    await handleInteraction(deps, cmd('admin'), responder());
    expect(JSON.stringify(calls[0])).toContain('Not allowed');
    await handleInteraction(deps, { ...cmd('admin'), user: { ...user, isAdmin: true } }, responder());
    expect(JSON.stringify(calls[1])).toContain('ok');
  });

  it('answers autocomplete with at most 25 choices', async () => {
    const { deps, calls, responder } = setup();
    const options = [{ name: 'q', type: 3, value: 'ab', focused: true }];
    await handleInteraction(
      deps,
      { kind: 'autocomplete', id: '1', user, command: 'pick', options },
      responder(),
    );
    const choices = calls[0]?.[1] as unknown[];
    expect(calls[0]?.[0]).toBe('autocomplete');
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: 'ab0', value: '0' });
  });

  it('redraws a page when a pagination button is clicked, and expires foreign buttons', async () => {
    const { deps, calls, responder } = setup();
    const id = `${encodePageId('fast', { n: 2 }, 0)}#p`;
    await handleInteraction(deps, { kind: 'component', id: '1', user, customId: id }, responder());
    expect(calls[0]?.[0]).toBe('update');
    expect(JSON.stringify(calls[0]?.[1])).toContain('n=2');
    await handleInteraction(
      deps,
      { kind: 'component', id: '2', user, customId: 'someone-else' },
      responder(),
    );
    expect(calls[1]).toMatchObject(['reply', { flags: 64 }]);
  });

  it('pages the shared message only for whoever asked; anyone else gets a private copy', async () => {
    const { deps, calls, responder } = setup();
    const ownerId = encodePageId('fast', { n: 3 }, 0, user.id);
    await handleInteraction(
      deps,
      { kind: 'component', id: '1', user, customId: `${ownerId}#n` },
      responder(),
    );
    expect(calls[0]?.[0]).toBe('update');
    const other = { ...user, id: '999999999999999999' };
    await handleInteraction(
      deps,
      { kind: 'component', id: '2', user: other, customId: `${ownerId}#n` },
      responder(),
    );
    expect(calls[1]).toMatchObject(['reply', { flags: 64 }]);
    expect(JSON.stringify(calls[1]?.[1])).toContain('n=3');
  });
});
