/**
 * Answers one Discord interaction, whatever the transport: runs the command, renders the reply,
 * and chooses how to send it. A command that answers within `deferAfterMs` is sent at once;
 * a slower one is deferred ("Briefer is thinking…", inside Discord's 3 s window) and edited when
 * done. Any failure reaches the user as a short ephemeral message and the log as a full record.
 */
import type { App } from '../../app.ts';
import { errorReply, runCommand } from '../../commands/dispatch.ts';
import type { CommandArgs } from '../../core/command-definition.ts';
import type { Reply } from '../../core/reply.ts';
import type { Logger } from '../../log.ts';
import {
  type DiscordMessagePayload,
  discordChoices,
  EPHEMERAL_FLAG,
  renderDiscordMessages,
  renderDiscordPage,
} from '../../render/discord.ts';
import type { LoadGauge } from '../load-gauge.ts';
import type { RenderCache } from '../render-cache.ts';
import { argsFromOptions, focusedOption } from './command-args.ts';
import type { IncomingInteraction, InteractionResponder } from './interaction.ts';
import { loggableError } from './log-safe.ts';
import { decodePageId, encodePageId, pageArgs } from './page-id.ts';

/** Leaves ~1.8 s of Discord's 3 s for the defer to travel, even on a slow link. */
export const DEFAULT_DEFER_AFTER_MS = 1200;

export interface InteractionDeps {
  app: Pick<App, 'registry' | 'taxonomy' | 'context'>;
  logger: Logger;
  deferAfterMs?: number;
  /** Scrubbed from anything logged (the bot token). */
  secrets?: ReadonlyArray<string | undefined>;
  /** Rendered pages, once per briefing version (none: render every time). */
  renderCache?: RenderCache;
  /** Interactions in progress; when busy, a command not answered at once is deferred at once. */
  load?: LoadGauge;
}

type State = 'new' | 'replied' | 'deferred' | 'deferred-update';

interface Rendered {
  reply: Reply;
  payload: DiscordMessagePayload;
}

export async function handleInteraction(
  deps: InteractionDeps,
  interaction: IncomingInteraction,
  responder: InteractionResponder,
): Promise<void> {
  const started = performance.now();
  const log = deps.logger.child({
    interaction: interaction.id,
    kind: interaction.kind,
    ...(interaction.kind === 'component'
      ? { customId: interaction.customId }
      : { command: interaction.command }),
    user: interaction.user.id,
    guild: interaction.guildId,
  });
  const tracked = track(responder);
  if (deps.load) {
    const { load } = deps;
    return load.track(() => answer(deps, interaction, tracked, log, started));
  }
  return answer(deps, interaction, tracked, log, started);
}

async function answer(
  deps: InteractionDeps,
  interaction: IncomingInteraction,
  tracked: Tracked,
  log: Logger,
  started: number,
): Promise<void> {
  try {
    if (interaction.kind === 'autocomplete') await autocomplete(deps, interaction, tracked, log);
    else if (interaction.kind === 'command') await command(deps, interaction, tracked);
    else await component(deps, interaction, tracked);
    log.info(
      { ms: Math.round(performance.now() - started), deferred: tracked.deferred },
      'discord interaction answered',
    );
  } catch (error) {
    log.error({ err: loggableError(error, deps.secrets) }, 'discord interaction failed');
    await reportFailure(deps, interaction, tracked, log);
  }
}

async function command(
  deps: InteractionDeps,
  i: Extract<IncomingInteraction, { kind: 'command' }>,
  r: Tracked,
): Promise<void> {
  const cmd = deps.app.registry.get(i.command);
  if (cmd?.definition.adminOnly && !i.user.isAdmin) {
    const denied = errorReply(
      `Only members who can manage this server may use /${cmd.definition.name}.`,
      'Not allowed',
    );
    await r.reply(ephemeral(renderDiscordMessages(denied, deps.app.taxonomy)[0]));
    return;
  }
  const args = cmd ? argsFromOptions(cmd.definition, i.options) : {};
  const name = cmd?.definition.name ?? i.command;
  const work = run(deps, i, name, args, 0);
  const early = await settleWithin(work, deferAfter(deps));
  if (early) {
    await r.reply(withVisibility(early));
    return;
  }
  // Settings commands (admin-only) answer privately; everything else publicly, so defer the same way.
  const deferEphemeral = Boolean(cmd?.definition.adminOnly);
  await r.defer({ ephemeral: deferEphemeral });
  const done = await work;
  if ((done.reply.visibility === 'ephemeral') !== deferEphemeral) {
    // A deferred answer can't change visibility: remove the placeholder and answer anew.
    await r.deleteOriginal();
    await r.followUp(withVisibility(done));
  } else {
    await r.editOriginal(asEdit(done.payload));
  }
}

async function component(
  deps: InteractionDeps,
  i: Extract<IncomingInteraction, { kind: 'component' }>,
  r: Tracked,
): Promise<void> {
  const decoded = decodePageId(i.customId);
  const cmd = decoded && deps.app.registry.get(decoded.command);
  if (!decoded || !cmd) {
    const gone = errorReply('This button no longer works. Run the command again.', 'Expired');
    await r.reply(ephemeral(renderDiscordMessages(gone, deps.app.taxonomy)[0]));
    return;
  }
  const work = run(deps, i, cmd.definition.name, pageArgs(cmd.definition, decoded.query), decoded.page);
  const early = await settleWithin(work, deferAfter(deps));
  // Someone else's buttons on a shared message: page a private copy rather than the message everyone sees.
  const foreign = decoded.owner !== undefined && decoded.owner !== i.user.id;
  if (early) {
    if (foreign || early.reply.visibility === 'ephemeral') await r.reply(ephemeral(early.payload));
    else await r.update(asEdit(early.payload));
    return;
  }
  if (foreign) {
    await r.defer({ ephemeral: true });
    await r.editOriginal(asEdit((await work).payload));
    return;
  }
  await r.deferUpdate();
  const done = await work;
  if (done.reply.visibility === 'ephemeral') await r.followUp(withVisibility(done));
  else await r.editOriginal(asEdit(done.payload));
}

async function autocomplete(
  deps: InteractionDeps,
  i: Extract<IncomingInteraction, { kind: 'autocomplete' }>,
  r: Tracked,
  log: Logger,
): Promise<void> {
  const cmd = deps.app.registry.get(i.command);
  const focused = focusedOption(i.options);
  let choices: ReturnType<typeof discordChoices> = [];
  if (cmd?.autocomplete && focused) {
    try {
      choices = discordChoices(cmd.autocomplete(focused.name, focused.typed, context(deps, i)));
    } catch (error) {
      // An empty list keeps the user typing; the log says why.
      log.error({ err: loggableError(error, deps.secrets) }, 'autocomplete failed');
    }
  }
  await r.autocomplete(choices);
}

function context(deps: InteractionDeps, i: IncomingInteraction) {
  return deps.app.context('discord', {
    user: i.user,
    channel: i.channelId ? { id: i.channelId, guildId: i.guildId } : undefined,
  });
}

async function run(
  deps: InteractionDeps,
  i: IncomingInteraction,
  name: string,
  args: CommandArgs,
  page: number,
): Promise<Rendered> {
  const reply = await runCommand(deps.app.registry, name, args, context(deps, i));
  // The pages are the same for everyone asking of this briefing; only the buttons name the user.
  const make = () => renderDiscordMessages(reply, deps.app.taxonomy);
  const messages = deps.renderCache ? deps.renderCache.render(reply, 'discord', make) : make();
  const { payload } = renderDiscordPage(reply, deps.app.taxonomy, {
    messages,
    page,
    pageId: (p) => encodePageId(name, args, p, i.user.id),
  });
  return { reply, payload };
}

/** How long to wait before deferring: not at all when busy (only an answer ready at once is sent). */
function deferAfter(deps: InteractionDeps): number {
  return deps.load?.busy ? 0 : (deps.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS);
}

/** The settled value if `work` finishes within `ms`; undefined if not (a rejection is rethrown). */
async function settleWithin<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function ephemeral(payload: DiscordMessagePayload | undefined): DiscordMessagePayload {
  return {
    ...(payload ?? { embeds: [], allowed_mentions: { parse: [] }, content: 'Done.' }),
    flags: EPHEMERAL_FLAG,
  };
}

function withVisibility({ reply, payload }: Rendered): DiscordMessagePayload {
  return reply.visibility === 'ephemeral' ? ephemeral(payload) : payload;
}

/** An edit replaces everything: clear content and buttons the new page doesn't have. */
function asEdit(payload: DiscordMessagePayload): DiscordMessagePayload {
  return { ...payload, content: payload.content ?? '', components: payload.components ?? [] };
}

type Tracked = InteractionResponder & { readonly state: State; readonly deferred: boolean };

/** Remembers how far the answer got, so a failure is reported the one way Discord still accepts. */
function track(r: InteractionResponder): Tracked {
  let state: State = 'new';
  let deferred = false;
  return {
    get state() {
      return state;
    },
    get deferred() {
      return deferred;
    },
    reply: async (p) => {
      await r.reply(p);
      state = 'replied';
    },
    defer: async (o) => {
      await r.defer(o);
      state = 'deferred';
      deferred = true;
    },
    update: async (p) => {
      await r.update(p);
      state = 'replied';
    },
    deferUpdate: async () => {
      await r.deferUpdate();
      state = 'deferred-update';
      deferred = true;
    },
    autocomplete: async (c) => {
      await r.autocomplete(c);
      state = 'replied';
    },
    editOriginal: async (p) => {
      await r.editOriginal(p);
      state = 'replied';
    },
    deleteOriginal: (): Promise<void> => r.deleteOriginal(),
    followUp: async (p) => {
      await r.followUp(p);
      state = 'replied';
    },
  };
}

async function reportFailure(
  deps: InteractionDeps,
  i: IncomingInteraction,
  r: Tracked,
  log: Logger,
): Promise<void> {
  try {
    const failed = errorReply('Something went wrong while answering. The error was logged.');
    const message = ephemeral(renderDiscordMessages(failed, deps.app.taxonomy)[0]);
    if (i.kind === 'autocomplete') {
      if (r.state === 'new') await r.autocomplete([]);
    } else if (r.state === 'new') await r.reply(message);
    else if (r.state === 'deferred') {
      await r.deleteOriginal().catch(() => {});
      await r.followUp(message);
    } else if (r.state === 'deferred-update') await r.followUp(message);
    // 'replied': the user already has an answer; nothing more to say.
  } catch (error) {
    log.warn({ err: loggableError(error, deps.secrets) }, 'could not tell the user about the failure');
  }
}
