/** Worker thread body: parses feed text off the main thread (see parse-off-thread.ts). */
import { parentPort } from 'node:worker_threads';
import { FeedParseError, parseFeedText } from './parse-feed.ts';

parentPort?.on('message', (job: { id: number; args: Parameters<typeof parseFeedText> }) => {
  try {
    parentPort?.postMessage({ id: job.id, result: parseFeedText(...job.args) });
  } catch (error) {
    const parseError = error instanceof FeedParseError;
    parentPort?.postMessage({ id: job.id, error: { message: (error as Error).message, parseError } });
  }
});
