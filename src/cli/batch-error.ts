/** The message a JSONL batch command writes for a line it cannot use (`{"id","error"}`). */
import { z } from 'zod';

export function batchLineError(error: unknown): string {
  if (error instanceof z.ZodError)
    return error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
  if (error instanceof SyntaxError) return `not valid JSON (${error.message})`;
  return error instanceof Error ? error.message : String(error);
}

/** The `id` of a parsed line, if it has one (so an error line can still be matched back). */
export function lineId(raw: unknown): unknown {
  return raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : null;
}
