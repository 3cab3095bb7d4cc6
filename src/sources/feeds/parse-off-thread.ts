/**
 * Feed parsing in a worker thread: a big feed is one long call into the XML parser (half a second of CPU
 * for 7,000 items), which on the main thread would hold up every chat command. One worker serves all
 * feeds, one job at a time, and keeps the process alive only while it has a job: an idle worker must not
 * stop a one-shot command from exiting, and a busy one must (a pending promise alone would not).
 * Where a worker can't start (a runtime that can't load it), parsing falls back to the main thread.
 */
import { Worker } from 'node:worker_threads';
import { FeedParseError, type ParsedFeed, parseFeedText } from './parse-feed.ts';

type Job = { resolve: (feed: ParsedFeed) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let broken = false;
let nextId = 1;
const jobs = new Map<number, Job>();

function start(): Worker | undefined {
  if (broken) return undefined;
  if (worker) return worker;
  try {
    const w = spawn();
    w.on(
      'message',
      (msg: { id: number; result?: ParsedFeed; error?: { message: string; parseError: boolean } }) => {
        const job = jobs.get(msg.id);
        if (!job) return;
        jobs.delete(msg.id);
        if (jobs.size === 0) w.unref();
        if (msg.error)
          job.reject(
            msg.error.parseError ? new FeedParseError(msg.error.message) : new Error(msg.error.message),
          );
        else job.resolve(msg.result as ParsedFeed);
      },
    );
    w.on('error', () => fail(w));
    w.on('exit', () => fail(w));
    // After the listeners: adding a 'message' listener refs the worker's port again.
    w.unref();
    worker = w;
    return w;
  } catch {
    broken = true;
    return undefined;
  }
}

/**
 * Built output is JavaScript beside this file. Run from the TypeScript sources (tsx: tests, scripts,
 * development), the worker registers tsx's loader for itself first: loader flags don't reach workers.
 */
function spawn(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', import.meta.url));
  const loader = import.meta.resolve('tsx/esm/api');
  const file = new URL('./parse-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(boot, { eval: true });
}

/** The worker died or could not load: its jobs fail over to the main thread, and so does all later work. */
function fail(w: Worker): void {
  if (worker !== w) return;
  worker = undefined;
  broken = true;
  for (const [id, job] of jobs) {
    jobs.delete(id);
    job.reject(new WorkerGone());
  }
}

class WorkerGone extends Error {}

export async function parseFeedOffThread(...args: Parameters<typeof parseFeedText>): Promise<ParsedFeed> {
  const w = start();
  if (w) {
    try {
      return await new Promise<ParsedFeed>((resolve, reject) => {
        const id = nextId++;
        jobs.set(id, { resolve, reject });
        w.ref();
        w.postMessage({ id, args });
      });
    } catch (error) {
      if (!(error instanceof WorkerGone)) throw error;
    }
  }
  return parseFeedText(...args);
}
