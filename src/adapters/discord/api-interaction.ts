/** A raw interaction (HTTP interactions JSON) → the adapter's neutral interaction. */
import type { IncomingInteraction, RawOption } from './interaction.ts';

/** Manage Server (1 << 5) or Administrator (1 << 3). */
const ADMIN_BITS = (1n << 5n) | (1n << 3n);

interface ApiUser {
  id: string;
  username?: string;
  global_name?: string | null;
}

/** The fields Briefer reads; see https://discord.com/developers/docs/interactions/receiving-and-responding */
export interface ApiInteraction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  data?: { name?: string; options?: RawOption[]; custom_id?: string; component_type?: number };
  guild_id?: string;
  channel_id?: string;
  channel?: { id: string };
  member?: { user: ApiUser; permissions?: string };
  user?: ApiUser;
}

export const InteractionType = {
  Ping: 1,
  Command: 2,
  Component: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

export function isApiInteraction(body: unknown): body is ApiInteraction {
  const b = body as Partial<ApiInteraction> | null;
  return (
    typeof b === 'object' &&
    b !== null &&
    typeof b.id === 'string' &&
    typeof b.type === 'number' &&
    typeof b.token === 'string' &&
    typeof b.application_id === 'string'
  );
}

function isAdmin(permissions: string | undefined): boolean {
  if (!permissions || !/^\d+$/.test(permissions)) return false;
  return (BigInt(permissions) & ADMIN_BITS) !== 0n;
}

/** undefined for interactions Briefer does not answer (pings are handled before this). */
export function fromApi(i: ApiInteraction): IncomingInteraction | undefined {
  const apiUser = i.member?.user ?? i.user;
  if (!apiUser) return undefined;
  const common = {
    id: i.id,
    user: {
      id: apiUser.id,
      name: apiUser.global_name ?? apiUser.username,
      isAdmin: isAdmin(i.member?.permissions),
    },
    channelId: i.channel_id ?? i.channel?.id,
    guildId: i.guild_id,
  };
  const data = i.data ?? {};
  switch (i.type) {
    case InteractionType.Command:
      return data.name
        ? { ...common, kind: 'command', command: data.name, options: data.options ?? [] }
        : undefined;
    case InteractionType.Autocomplete:
      return data.name
        ? { ...common, kind: 'autocomplete', command: data.name, options: data.options ?? [] }
        : undefined;
    case InteractionType.Component:
      return data.custom_id && data.component_type === 2
        ? { ...common, kind: 'component', customId: data.custom_id }
        : undefined;
    default:
      return undefined;
  }
}
