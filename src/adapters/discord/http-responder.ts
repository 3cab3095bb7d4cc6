/**
 * HTTP interactions answer their first response in the HTTP reply to Discord's POST; anything
 * after that (edit after defer, follow-ups) goes to the interaction webhook over REST.
 */
import type { ServerResponse } from 'node:http';
import { type REST, Routes } from 'discord.js';
import type { OptionChoice } from '../../core/command-definition.ts';
import type { DiscordMessagePayload } from '../../render/discord.ts';
import { EPHEMERAL_FLAG } from '../../render/discord.ts';
import type { InteractionResponder } from './interaction.ts';

export const CallbackType = {
  Pong: 1,
  Message: 4,
  DeferredMessage: 5,
  DeferredUpdate: 6,
  UpdateMessage: 7,
  Autocomplete: 8,
} as const;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export class HttpResponder implements InteractionResponder {
  #answered = false;
  #resolveAnswered!: () => void;
  /** Settles when the first response has been written to the HTTP reply. */
  readonly answered = new Promise<void>((resolve) => {
    this.#resolveAnswered = resolve;
  });

  constructor(
    private readonly res: ServerResponse,
    private readonly rest: REST,
    private readonly interaction: { id: string; token: string; application_id: string },
  ) {}

  get hasAnswered(): boolean {
    return this.#answered;
  }

  async #callback(body: { type: number; data?: unknown }): Promise<void> {
    if (!this.#answered) {
      this.#answered = true;
      sendJson(this.res, 200, body);
      this.#resolveAnswered();
      return;
    }
    // Only reachable if a handler answered twice; Discord then says "already acknowledged".
    await this.rest.post(Routes.interactionCallback(this.interaction.id, this.interaction.token), {
      body,
      auth: false,
    });
  }

  reply(payload: DiscordMessagePayload): Promise<void> {
    return this.#callback({ type: CallbackType.Message, data: payload });
  }

  defer({ ephemeral }: { ephemeral: boolean }): Promise<void> {
    return this.#callback({
      type: CallbackType.DeferredMessage,
      data: ephemeral ? { flags: EPHEMERAL_FLAG } : {},
    });
  }

  update(payload: DiscordMessagePayload): Promise<void> {
    return this.#callback({ type: CallbackType.UpdateMessage, data: payload });
  }

  deferUpdate(): Promise<void> {
    return this.#callback({ type: CallbackType.DeferredUpdate });
  }

  autocomplete(choices: OptionChoice[]): Promise<void> {
    return this.#callback({ type: CallbackType.Autocomplete, data: { choices } });
  }

  async editOriginal(payload: DiscordMessagePayload): Promise<void> {
    const { application_id, token } = this.interaction;
    await this.rest.patch(Routes.webhookMessage(application_id, token, '@original'), {
      body: payload,
      auth: false,
    });
  }

  async deleteOriginal(): Promise<void> {
    const { application_id, token } = this.interaction;
    await this.rest.delete(Routes.webhookMessage(application_id, token, '@original'), { auth: false });
  }

  async followUp(payload: DiscordMessagePayload): Promise<void> {
    const { application_id, token } = this.interaction;
    await this.rest.post(Routes.webhook(application_id, token), { body: payload, auth: false });
  }
}
