/**
 * The slash-command listener called directly with fake ack/respond (as bolt-js tests handlers), on a
 * hand-built briefing: the order of ack and work, usage errors, admin flag, the /briefer- prefix.
 */
import type { RespondArguments, SlashCommand } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../commands/index.ts';
import { InFlight } from '../../../src/adapters/in-flight.ts';
import { RenderCache } from '../../../src/adapters/render-cache.ts';
import { SlackAdmins } from '../../../src/adapters/slack/admins.ts';
import type { SlackAppView } from '../../../src/adapters/slack/context.ts';
import { commandName, slashCommandListener } from '../../../src/adapters/slack/listeners/slash-command.ts';
import { loadConfig } from '../../../src/config.ts';
import { loadTaxonomy } from '../../../src/core/taxonomy.ts';
import type { BriefingProvider } from '../../../src/service/briefing-provider.ts';
import { MemoryReplayGuard } from '../../../src/store/shared-state.ts';
import { memoryLog } from '../../fakes/slack/memory-log.ts';
import { makeBriefing } from '../../fakes/slack/news.ts';

function setup(briefings: BriefingProvider = { get: async () => ({ briefing: makeBriefing() }) }) {
  const registry = createCommandRegistry();
  const taxonomy = loadTaxonomy();
  const log = memoryLog();
  const app: SlackAppView = {
    registry,
    taxonomy,
    replayGuard: new MemoryReplayGuard(),
    renderCache: new RenderCache(),
    logger: log.logger,
    config: loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret-1',
      SLACK_DIGEST_ADMINS: 'U0ADMIN',
    }),
    context: (platform, extra = {}) => ({
      platform,
      briefings,
      taxonomy,
      logger: log.logger,
      commands: registry.list(),
      ...extra,
    }),
  };
  const inFlight = new InFlight();
  const events: string[] = [];
  const acks: unknown[] = [];
  const responses: RespondArguments[] = [];
  const run = async (name: string, text = '', user = 'U0ALICE') => {
    const command = {
      command: name,
      text,
      user_id: user,
      user_name: 'alice',
      channel_id: 'C1',
      team_id: 'T1',
    } as SlashCommand;
    await slashCommandListener({ app, inFlight, admins: new SlackAdmins(['U0ADMIN']) })({
      command,
      ack: async (body?: unknown) => {
        events.push('ack');
        acks.push(body);
      },
      respond: async (message: string | RespondArguments) => {
        events.push('respond');
        responses.push(typeof message === 'string' ? { text: message } : message);
        return new Response('ok');
      },
      say: async () => ({ ok: true }),
      payload: command,
      body: command,
      logger: undefined as never,
    } as never);
    await inFlight.drain();
  };
  return { registry, events, acks, responses, run, log, events_: events };
}

describe('slash command listener', () => {
  it('acks with no body before the command does any work, then responds ephemerally', async () => {
    const events: string[] = [];
    const s = setup({
      get: async () => {
        events.push('work');
        return { briefing: makeBriefing() };
      },
    });
    await s.run('/brief');
    expect(s.acks).toEqual([undefined]);
    expect(s.events[0]).toBe('ack');
    expect(events).toEqual(['work']);
    expect(s.responses.length).toBeGreaterThan(0);
    expect(s.responses.every((r) => r.response_type === 'ephemeral' && r.replace_original === false)).toBe(
      true,
    );
  });

  it('acks even while the briefing is still being built, and delivers when it is', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const s = setup({
      get: async () => {
        await gate;
        return { briefing: makeBriefing() };
      },
    });
    const running = s.run('/story');
    await new Promise((r) => setImmediate(r));
    expect(s.events).toEqual(['ack']);
    release();
    await running;
    expect(s.events).toEqual(['ack', 'respond']);
  });

  it('answers bad input in the ack, with the usage line, and responds with nothing', async () => {
    const s = setup();
    await s.run('/story', 'eleven');
    expect(s.responses).toEqual([]);
    expect(s.acks[0]).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Usage: /story [sentences]'),
    });
  });

  it('tells the command who is a digest admin (SLACK_DIGEST_ADMINS)', async () => {
    const s = setup();
    s.registry.add({
      definition: { name: 'whoami', description: 'Admin flag', options: [], adminOnly: true },
      execute: async (_args, ctx) => ({
        view: {
          kind: 'message',
          tone: 'info',
          text: `admin=${ctx.user?.isAdmin} channel=${ctx.channel?.id}`,
        },
        visibility: 'ephemeral',
      }),
    });
    await s.run('/whoami', '', 'U0ADMIN');
    await s.run('/whoami', '', 'U0ALICE');
    expect(s.responses.map((r) => r.text)).toEqual(['admin=true channel=C1', 'admin=false channel=C1']);
  });

  it('maps /briefer-<name> (for workspaces where a name is taken) to the same command', () => {
    expect(commandName('/brief')).toBe('brief');
    expect(commandName('/briefer-headlines')).toBe('headlines');
    expect(commandName('/BRIEFER_story')).toBe('story');
    expect(commandName('/briefer')).toBe('briefer');
  });
});
