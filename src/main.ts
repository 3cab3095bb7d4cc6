/**
 * `npm start`: the bot. With platform tokens in the environment it connects to Discord and/or Slack;
 * with none it opens the console on the bundled sample news.
 */

import type { Running } from './adapters/running.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { isBrieferError } from './core/errors.ts';
import { loadEnvFile } from './env-file.ts';

async function main(): Promise<number> {
  loadEnvFile();
  const config = loadConfig();
  const app = createApp(config);
  const { platforms } = config;

  if (!platforms.discordGateway && !platforms.discordHttp && !platforms.slack) {
    const { runConsole } = await import('./adapters/console/console-adapter.ts');
    // A source that cannot be read is reported now, as one line, rather than on every command.
    await app.briefings.refresh({ throwOnError: true });
    await runConsole(app);
    return 0;
  }

  const running: Running[] = [];
  // Warm the cache first so the first command answers at once, and a broken source is reported now.
  await app.briefings.refresh();
  app.briefings.start();
  // The store opens first: a bad BRIEFER_DB stops start-up with one clear line.
  const { openConfiguredStore } = await import('./store/store.ts');
  const store = await openConfiguredStore(config.env);
  app.store = store;
  // Signed requests already handled are remembered in the store, so every instance on it agrees.
  app.replayGuard = store.replayGuard;
  const { createDigestService } = await import('./schedule/create-digest.ts');
  const digest = await createDigestService(app, store);
  app.digests = digest;
  if (platforms.discordGateway || platforms.discordHttp) {
    const { startDiscord } = await import('./adapters/discord/start.ts');
    running.push(...(await startDiscord(app)));
  }
  if (platforms.slack) {
    const { startSlack } = await import('./adapters/slack/start.ts');
    running.push(...(await startSlack(app)));
  }
  digest.start();
  running.unshift({ name: 'digest', stop: () => digest.stop() });
  app.logger.info({ running: running.map((r) => r.name), source: app.source.name }, 'briefer started');

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      app.logger.info({ signal }, 'shutting down');
      app.briefings.stop();
      // Stop in reverse start order; a front end that hangs on close must not keep the process alive.
      const stopping = Promise.allSettled(running.reverse().map((r) => r.stop()));
      const deadline = new Promise((r) => setTimeout(r, 10_000).unref());
      // The store closes last, once everything that writes to it has stopped.
      void Promise.race([stopping, deadline])
        .then(() => store.close())
        .catch(() => {})
        .then(() => resolve());
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Configuration and source problems are the user's to fix: one clear line, no stack trace.
    if (isBrieferError(error)) {
      process.stderr.write(`briefer: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(
      `briefer: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
