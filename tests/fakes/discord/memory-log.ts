/** A pino destination that keeps log lines in memory, to assert on what was logged. */
import { Writable } from 'node:stream';

export class MemoryLog extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  get text(): string {
    return this.lines.join('\n');
  }

  entries(): Array<Record<string, unknown> & { level: number; msg: string }> {
    return this.lines.map((l) => JSON.parse(l));
  }
}
