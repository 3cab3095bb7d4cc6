/**
 * Parsing in a worker thread: feeds (a big feed is one long call into the XML parser, half a second of
 * CPU for 7,000 items, which on the main thread would hold up every chat command) and article pages (a
 * 400 kB page becomes a DOM of tens of MB for Readability, garbage that would otherwise grow the heap of
 * the isolate answering commands). One worker serves all, one job at a time, and keeps the process
 * alive only while it has a job: an idle worker must not stop a one-shot command from exiting, and a
 * busy one must (a pending promise alone would not).
 *
 * The worker is recycled, so what the parsers allocate goes back to the system instead of staying as a
 * grown heap: once idle, it ends when it has done MAX_JOBS jobs or its heap has passed RECYCLE_HEAP_BYTES,
 * and in any case after IDLE_MS without work (a bot refreshing every few minutes holds no worker between
 * refreshes); the next job starts a fresh one. Its old generation is capped: a job that runs it out of
 * memory (a huge feed) is parsed on the main thread instead, and the next job gets a new worker. Where
 * a worker can't start at all (a runtime that can't load it), parsing stays on the main thread.
 */
import { Worker } from 'node:worker_threads';
import { type Article, ArticleError, extractArticle } from './article.ts';
import { FeedParseError, type ParsedFeed, parseFeedText } from './parse-feed.ts';

/** What the worker can do, by name: the same functions the main thread falls back to. */
export const PARSERS = { feed: parseFeedText, article: extractArticle };
type Parsers = typeof PARSERS;
export type ParseKind = keyof Parsers;

export interface ParseRequest<K extends ParseKind = ParseKind> {
  id: number;
  kind: K;
  args: Parameters<Parsers[K]>;
}

export interface ParseAnswer {
  id: number;
  result?: unknown;
  /** `name` says which error class to throw again on this side. */
  error?: { message: string; name: string };
  /** The worker's V8 heap in use after the job, garbage included (for recycling). */
  heapBytes: number;
}

export const MAX_JOBS = 50;
const RECYCLE_HEAP_BYTES = 64 * 1024 * 1024;
const IDLE_MS = 30_000;
/** The worker's old generation, in MB: room for a feed of several MB; beyond it the main thread parses. */
const WORKER_OLD_SPACE_MB = 192;

type Job = { resolve: (value: unknown) => void; reject: (error: Error) => void };

interface Current {
  worker: Worker;
  jobs: Map<number, Job>;
  done: number;
  /** Set once it has answered: a worker that never did is taken as unable to start. */
  answered: boolean;
  idle?: NodeJS.Timeout;
}

let current: Current | undefined;
let broken = false;
let nextId = 1;
/** Workers started so far (tests check recycling with it). */
export const workerStats = { started: 0 };

function start(): Current | undefined {
  if (broken) return undefined;
  if (current) return current;
  let worker: Worker;
  try {
    worker = spawn();
  } catch {
    broken = true;
    return undefined;
  }
  workerStats.started++;
  worker.unref();
  const c: Current = { worker, jobs: new Map(), done: 0, answered: false };
  worker.on('message', (msg: ParseAnswer) => answer(c, msg));
  worker.on('error', (error: Error & { code?: string }) =>
    gone(c, error.code === 'ERR_WORKER_OUT_OF_MEMORY'),
  );
  worker.on('exit', () => gone(c, false));
  current = c;
  return c;
}

function answer(c: Current, msg: ParseAnswer): void {
  const job = c.jobs.get(msg.id);
  c.answered = true;
  c.done++;
  if (job) {
    c.jobs.delete(msg.id);
    if (msg.error) job.reject(rebuild(msg.error));
    else job.resolve(msg.result);
  }
  if (c.jobs.size > 0) return;
  c.worker.unref();
  if (c.done >= MAX_JOBS || msg.heapBytes >= RECYCLE_HEAP_BYTES) retire(c);
  else {
    c.idle = setTimeout(() => retire(c), IDLE_MS);
    c.idle.unref();
  }
}

/** Ends an idle worker; the next job starts a new one. */
function retire(c: Current): void {
  if (current === c) current = undefined;
  if (c.idle) clearTimeout(c.idle);
  void c.worker.terminate();
}

/**
 * The worker died: its jobs go to the main thread. Out of memory (a huge input), the next job gets a
 * new worker; a worker that never answered could not load, so later work stays on the main thread.
 */
function gone(c: Current, outOfMemory: boolean): void {
  if (current === c) {
    current = undefined;
    if (!c.answered && !outOfMemory) broken = true;
  }
  if (c.idle) clearTimeout(c.idle);
  for (const [id, job] of c.jobs) {
    c.jobs.delete(id);
    job.reject(new WorkerGone());
  }
}

function rebuild(error: { message: string; name: string }): Error {
  if (error.name === 'FeedParseError') return new FeedParseError(error.message);
  if (error.name === 'ArticleError') return new ArticleError(error.message);
  return new Error(error.message);
}

/**
 * Built output is JavaScript beside this file. Run from the TypeScript sources (tsx: tests, scripts,
 * development), the worker registers tsx's loader for itself first: loader flags don't reach workers.
 */
function spawn(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./parse-worker.js', import.meta.url), { resourceLimits });
  const loader = import.meta.resolve('tsx/esm/api');
  const file = new URL('./parse-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

class WorkerGone extends Error {}

async function offThread<K extends ParseKind>(
  kind: K,
  args: Parameters<Parsers[K]>,
): Promise<ReturnType<Parsers[K]>> {
  const c = start();
  if (c) {
    if (c.idle) clearTimeout(c.idle);
    try {
      return await new Promise<ReturnType<Parsers[K]>>((resolve, reject) => {
        const id = nextId++;
        c.jobs.set(id, { resolve: resolve as (value: unknown) => void, reject });
        c.worker.ref();
        c.worker.postMessage({ id, kind, args } satisfies ParseRequest<K>);
      });
    } catch (error) {
      if (!(error instanceof WorkerGone)) throw error;
    }
  }
  const parse = PARSERS[kind] as unknown as (...a: Parameters<Parsers[K]>) => ReturnType<Parsers[K]>;
  return parse(...args);
}

export function parseFeedOffThread(...args: Parameters<typeof parseFeedText>): Promise<ParsedFeed> {
  return offThread('feed', args);
}

/** The article's text (see article.ts), extracted in the worker: its DOM never lives on the main thread. */
export function extractArticleOffThread(...args: Parameters<typeof extractArticle>): Promise<Article> {
  return offThread('article', args);
}
