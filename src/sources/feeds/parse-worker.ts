/** Worker thread body: parses feeds and article pages off the main thread (see parse-off-thread.ts). */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { PARSERS, type ParseAnswer, type ParseRequest } from './parse-off-thread.ts';

parentPort?.on('message', (job: ParseRequest) => {
  let answer: Omit<ParseAnswer, 'heapBytes'>;
  try {
    const parse = PARSERS[job.kind] as (...args: unknown[]) => unknown;
    answer = { id: job.id, result: parse(...job.args) };
  } catch (error) {
    const { message, name } = error instanceof Error ? error : new Error(String(error));
    answer = { id: job.id, error: { message, name } };
  }
  parentPort?.postMessage({ ...answer, heapBytes: getHeapStatistics().used_heap_size });
});
