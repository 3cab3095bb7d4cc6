/**
 * Starts what the environment asks for: the gateway client (DISCORD_TOKEN) and/or the HTTP
 * interactions endpoint (DISCORD_PUBLIC_KEY). Both answer the same commands the same way.
 */
import type { App } from '../../app.ts';
import type { Running } from '../running.ts';
import { startGateway } from './gateway.ts';
import { startHttpInteractions } from './http-interactions.ts';

export interface DiscordOptions {
  /** Answer directly when a command takes less; defer otherwise (default 1,200 ms). */
  deferAfterMs?: number;
  /** HTTP interactions port (default DISCORD_HTTP_PORT, else PORT + 1). */
  httpPort?: number;
  /** Interactions in progress from which a command not answered at once is deferred at once (default 8;
   * Infinity: never busy, nor on a stalled event loop — for tests that must take one path). */
  busyAt?: number;
}

export async function startDiscord(app: App, options: DiscordOptions = {}): Promise<Running[]> {
  const { platforms } = app.config;
  const running: Running[] = [];
  try {
    if (platforms.discordHttp) {
      running.push(
        await startHttpInteractions(app, {
          deferAfterMs: options.deferAfterMs,
          port: options.httpPort,
          busyAt: options.busyAt,
        }),
      );
    }
    if (platforms.discordGateway)
      running.push(await startGateway(app, { deferAfterMs: options.deferAfterMs, busyAt: options.busyAt }));
  } catch (error) {
    // Don't leave a half-started Discord behind (an open port keeps the process alive).
    await Promise.allSettled(running.map((r) => r.stop()));
    throw error;
  }
  return running;
}
