/**
 * The "Share to channel" button carries the command to run again, not the reply: Slack caps a button
 * value at 2,000 characters, while a briefing can be far larger. Sharing re-runs the command, so the
 * channel sees the current briefing (the same one, unless the news refreshed in between).
 */
import { z } from 'zod';
import { SLACK } from '../../render/limits.ts';

export interface ShareRequest {
  /** Command name without the slash, e.g. `headlines`. */
  command: string;
  /** The argument text as the user typed it, e.g. `markets`; parsed again on share. */
  text: string;
}

const ShareValueSchema = z.object({
  c: z.string().regex(/^[a-z0-9_-]{1,32}$/),
  t: z.string().max(SLACK.actionValue),
});

/** The button value for a request, or undefined when it would not fit Slack's limit. */
export function encodeShareValue(request: ShareRequest): string | undefined {
  const value = JSON.stringify({ c: request.command, t: request.text });
  return value.length <= SLACK.actionValue ? value : undefined;
}

/** Parses a button value back; undefined for anything Briefer did not write. */
export function decodeShareValue(value: unknown): ShareRequest | undefined {
  if (typeof value !== 'string') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = ShareValueSchema.safeParse(data);
  return parsed.success ? { command: parsed.data.c, text: parsed.data.t } : undefined;
}
