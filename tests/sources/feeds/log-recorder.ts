/** A SourceLogger that keeps what it is told, for asserting on logged outcomes. */
import type { SourceLogger } from '../../../src/sources/feeds/options.ts';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  obj: Record<string, unknown>;
}

export function recordingLogger(): SourceLogger & {
  entries: LogEntry[];
  at(level: LogEntry['level']): LogEntry[];
} {
  const entries: LogEntry[] = [];
  const log = (level: LogEntry['level']) => (obj: object, msg: string) =>
    void entries.push({ level, msg, obj: obj as Record<string, unknown> });
  return {
    entries,
    at: (level) => entries.filter((e) => e.level === level),
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
  };
}
