/**
 * The Discord adapter's neutral view of an interaction, so the gateway (discord.js) and HTTP
 * interactions (raw JSON) share one handler. Each transport parses its input into an
 * `IncomingInteraction` and answers through an `InteractionResponder`.
 */
import type { OptionChoice } from '../../core/command-definition.ts';
import type { DiscordMessagePayload } from '../../render/discord.ts';

/** An application-command option as Discord sends it (same shape in discord.js `options.data`). */
export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
}

export interface InteractionUser {
  id: string;
  name?: string;
  /** Can manage the server (Manage Server or Administrator); false in DMs. */
  isAdmin: boolean;
}

interface Common {
  /** Interaction id (for logs; the token never is logged). */
  id: string;
  user: InteractionUser;
  channelId?: string;
  guildId?: string;
}

export type IncomingInteraction =
  | (Common & { kind: 'command'; command: string; options: readonly RawOption[] })
  | (Common & { kind: 'autocomplete'; command: string; options: readonly RawOption[] })
  | (Common & { kind: 'component'; customId: string });

/** The ways Briefer answers an interaction; each maps to one Discord callback type or webhook call. */
export interface InteractionResponder {
  /** Callback type 4: a new message (flags 64 = ephemeral). */
  reply(payload: DiscordMessagePayload): Promise<void>;
  /** Callback type 5: "Briefer is thinking…", to be edited within 15 minutes. */
  defer(options: { ephemeral: boolean }): Promise<void>;
  /** Callback type 7: replace the message a button belongs to. */
  update(payload: DiscordMessagePayload): Promise<void>;
  /** Callback type 6: acknowledge a button now, edit the message later. */
  deferUpdate(): Promise<void>;
  /** Callback type 8: autocomplete choices. */
  autocomplete(choices: OptionChoice[]): Promise<void>;
  /** PATCH the original response (after defer or deferUpdate). */
  editOriginal(payload: DiscordMessagePayload): Promise<void>;
  /** DELETE the original response. */
  deleteOriginal(): Promise<void>;
  /** POST a follow-up message. */
  followUp(payload: DiscordMessagePayload): Promise<void>;
}
