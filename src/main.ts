/**
 * `npm start`: the bot. With platform tokens in the environment it connects to Discord and/or Slack;
 * with none it opens the console on the bundled sample news.
 */

import type { Running } from './adapters/running.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { isBrieferError } from './core/errors.ts';
import { loadEnvFile } from './env-file.ts';

/** SIGTERM to exit: within 10 s, as orchestrators expect, with a margin for the exit itself. */
const SHUTDOWN_DEADLINE_MS = 9_000;

async function main(): Promise<number> {
  loadEnvFile();
  const config = loadConfig();
  const { platforms } = config;
  const serving = platforms.discordGateway || platforms.discordHttp || platforms.slack;
  // The store opens first: a bad BRIEFER_DB stops start-up with one clear line. Its summary cache and
  // replay guard are shared by every instance on the same database.
  const { openConfiguredStore } = await import('./store/store.ts');
  const store = serving ? await openConfiguredStore(config.env) : undefined;
  const app = createApp(
    config,
    store ? { summaryCache: store.summaryCache, replayGuard: store.replayGuard } : {},
  );

  if (!store) {
    const { runConsole } = await import('./adapters/console/console-adapter.ts');
    // A source that cannot be read is reported now, as one line, rather than on every command.
    await app.briefings.refresh({ throwOnError: true });
    await runConsole(app);
    return 0;
  }

  const running: Running[] = [];
  // One registry for this process, served at /metrics by whichever HTTP server runs.
  const { Metrics } = await import('./metrics.ts');
  app.metrics = new Metrics();
  app.metrics.watchBriefing(() => app.briefings.loadedAt);
  // Warm the cache first so the first command answers at once, and a broken source is reported now.
  await app.briefings.refresh();
  app.briefings.start();
  app.store = store;
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
  } else if (!platforms.discordHttp) {
    // A gateway-only bot has no HTTP server of its own: serve /health and /metrics on PORT.
    const { startOpsRunning } = await import('./adapters/ops-running.ts');
    running.push(
      await startOpsRunning(app, { frontEnd: () => ({ ok: true, platform: 'discord', mode: 'gateway' }) }),
    );
  }
  digest.start();
  running.unshift({ name: 'digest', stop: () => digest.stop() });
  app.logger.info({ running: running.map((r) => r.name), source: app.source.name }, 'briefer started');

  const finished = await new Promise<boolean>((resolve) => {
    const shutdown = (signal: string) => {
      app.logger.info({ signal }, 'shutting down');
      app.briefings.stop();
      // Every front end stops taking new work and finishes what it accepted (replies, deferred edits,
      // digest posts); a front end that hangs must not keep the process past the deadline. The store
      // closes last, once everything that writes to it has stopped.
      const stopping = Promise.allSettled(running.reverse().map((r) => r.stop()))
        .then(() => store.close())
        .then(
          () => true,
          () => true,
        );
      const deadline = new Promise<boolean>((r) => setTimeout(() => r(false), SHUTDOWN_DEADLINE_MS).unref());
      void Promise.race([stopping, deadline]).then(resolve);
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  });
  if (!finished)
    app.logger.warn(
      { afterMs: SHUTDOWN_DEADLINE_MS },
      'shutdown deadline passed; exiting with work unfinished',
    );
  else app.logger.info('stopped');
  return finished ? 0 : 1;
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
