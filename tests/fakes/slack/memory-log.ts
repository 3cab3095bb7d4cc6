/** A real Briefer logger (pino) writing JSON lines to memory, for asserting on what was logged. */
import { createLogger, type Logger } from '../../../src/log.ts';

export interface MemoryLog {
  logger: Logger;
  /** Every line so far, parsed. */
  records(): Array<Record<string, unknown>>;
  /** Everything so far as raw text (to check a secret never appears). */
  text(): string;
}

export function memoryLog(level = 'debug'): MemoryLog {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return {
    logger,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => lines.join(''),
  };
}
