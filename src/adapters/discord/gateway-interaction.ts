/** discord.js interactions → the adapter's neutral interaction and responder. */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import type { DiscordMessagePayload } from '../../render/discord.ts';
import type { IncomingInteraction, InteractionResponder, InteractionUser } from './interaction.ts';

type Supported = ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction;

/** The interactions Briefer answers; anything else (context menus, modals) is ignored. */
export function isSupported(i: Interaction): i is Supported {
  return i.isChatInputCommand() || i.isAutocomplete() || i.isButton();
}

export function fromDiscordJs(i: Supported): IncomingInteraction {
  const user: InteractionUser = {
    id: i.user.id,
    name: i.user.globalName ?? i.user.username,
    isAdmin: Boolean(
      i.memberPermissions?.any([PermissionFlagsBits.ManageGuild, PermissionFlagsBits.Administrator]),
    ),
  };
  const common = { id: i.id, user, channelId: i.channelId ?? undefined, guildId: i.guildId ?? undefined };
  if (i.isButton()) return { ...common, kind: 'component', customId: i.customId };
  const options = i.options.data.map((o) => ({
    name: o.name,
    type: o.type,
    value: o.value,
    focused: o.focused,
  }));
  return {
    ...common,
    kind: i.isAutocomplete() ? 'autocomplete' : 'command',
    command: i.commandName,
    options,
  };
}

/** The payload is already Discord's JSON shape; discord.js passes embeds and components through. */
function editOptions(p: DiscordMessagePayload): InteractionEditReplyOptions {
  return {
    content: p.content,
    embeds: p.embeds,
    components: p.components as InteractionEditReplyOptions['components'],
    allowedMentions: p.allowed_mentions,
  };
}

function replyOptions(p: DiscordMessagePayload): InteractionReplyOptions {
  return {
    content: p.content,
    embeds: p.embeds,
    components: p.components as InteractionReplyOptions['components'],
    allowedMentions: p.allowed_mentions,
    ...(p.flags ? { flags: p.flags as MessageFlags.Ephemeral } : {}),
  };
}

export function discordJsResponder(i: Supported): InteractionResponder {
  const unsupported = (what: string) => () =>
    Promise.reject(new Error(`${what} is not possible on ${i.type}`));
  if (i.isAutocomplete()) {
    return {
      autocomplete: (choices) => i.respond(choices),
      reply: unsupported('reply'),
      defer: unsupported('defer'),
      update: unsupported('update'),
      deferUpdate: unsupported('deferUpdate'),
      editOriginal: unsupported('editOriginal'),
      deleteOriginal: unsupported('deleteOriginal'),
      followUp: unsupported('followUp'),
    };
  }
  return {
    reply: async (p) => {
      await i.reply(replyOptions(p));
    },
    defer: async ({ ephemeral }) => {
      await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    update: i.isButton()
      ? async (p) => {
          await i.update(editOptions(p));
        }
      : unsupported('update'),
    deferUpdate: i.isButton()
      ? async () => {
          await i.deferUpdate();
        }
      : unsupported('deferUpdate'),
    autocomplete: unsupported('autocomplete'),
    editOriginal: async (p) => {
      await i.editReply(editOptions(p));
    },
    deleteOriginal: () => i.deleteReply(),
    followUp: async (p) => {
      await i.followUp(replyOptions(p));
    },
  };
}
