/**
 * Interaction payloads shaped like Discord's (the fields discord.js reads), for the gateway
 * (INTERACTION_CREATE) and for HTTP interactions alike.
 */
import { snowflake } from './snowflake.ts';

export type OptionValue = string | number | boolean;

export interface InteractionUser {
  id: string;
  username: string;
  global_name?: string | null;
}

export interface InteractionPlace {
  applicationId: string;
  guildId: string;
  channelId: string;
  user: InteractionUser;
  /** The member's permissions bitfield; default: a plain member (View Channel, Send Messages…). */
  permissions?: string;
}

export type ApiInteraction = Record<string, unknown> & {
  id: string;
  token: string;
  application_id: string;
  type: number;
  data?: Record<string, unknown>;
};

/** View Channel, Send Messages, Embed Links, Read Message History, Use Application Commands. */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 31n));
/** Everything, Administrator included. */
export const ADMIN_PERMISSIONS = String((1n << 50n) - 1n);

function optionType(value: OptionValue): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

function base(place: InteractionPlace, type: number, data: Record<string, unknown>): ApiInteraction {
  const user = { discriminator: '0', avatar: null, global_name: null, public_flags: 0, ...place.user };
  return {
    id: snowflake(),
    application_id: place.applicationId,
    type,
    token: `aW50ZXJhY3Rpb246${snowflake()}${Math.random().toString(36).slice(2)}`,
    version: 1,
    data,
    guild_id: place.guildId,
    guild: { id: place.guildId, locale: 'en-US', features: [] },
    channel_id: place.channelId,
    channel: { id: place.channelId, type: 0, guild_id: place.guildId, name: 'news', position: 0, flags: 0 },
    member: {
      user,
      roles: [],
      permissions: place.permissions ?? MEMBER_PERMISSIONS,
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
    },
    app_permissions: MEMBER_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: { '0': place.guildId },
    context: 0,
    locale: 'en-US',
    guild_locale: 'en-US',
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** A slash command, e.g. `commandInteraction(place, 'headlines', { category: 'markets' })`. */
export function commandInteraction(
  place: InteractionPlace,
  name: string,
  options: Record<string, OptionValue> = {},
): ApiInteraction {
  return base(place, 2, {
    id: snowflake(),
    name,
    type: 1,
    guild_id: place.guildId,
    options: Object.entries(options).map(([n, value]) => ({ name: n, type: optionType(value), value })),
  });
}

/** The user is typing `typed` into option `focused`. */
export function autocompleteInteraction(
  place: InteractionPlace,
  name: string,
  focused: string,
  typed: string,
  others: Record<string, OptionValue> = {},
): ApiInteraction {
  const options = [
    ...Object.entries(others).map(([n, value]) => ({ name: n, type: optionType(value), value })),
    { name: focused, type: 3, value: typed, focused: true },
  ];
  return base(place, 4, { id: snowflake(), name, type: 1, guild_id: place.guildId, options });
}

/** A click on button `customId` of `message` (a message object as Discord returns it). */
export function buttonInteraction(
  place: InteractionPlace,
  customId: string,
  message: Record<string, unknown>,
): ApiInteraction {
  return { ...base(place, 3, { custom_id: customId, component_type: 2 }), message };
}
