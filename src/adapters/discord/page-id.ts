/**
 * Pagination buttons carry everything needed to redraw a page in their custom_id
 * (`bp|headlines|2|category=markets`), so paging works after a restart and needs no storage.
 */
import type { CommandArgs, CommandDefinition } from '../../commands/types.ts';
import { coerce } from './command-args.ts';

const PREFIX = 'bp';

export function encodePageId(command: string, args: CommandArgs, page: number): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(args)) if (v !== undefined) query.set(k, String(v));
  return [PREFIX, command, String(page), query.toString()].join('|');
}

export interface DecodedPageId {
  command: string;
  page: number;
  /** Raw values; turn them into typed args with `pageArgs`. */
  query: URLSearchParams;
}

export function decodePageId(customId: string): DecodedPageId | undefined {
  // The renderer may append `#p`, `#n`, `#i` to keep button ids unique.
  const [prefix, command, page, query = ''] = (customId.split('#')[0] ?? '').split('|');
  if (prefix !== PREFIX || !command || !page || !/^\d{1,4}$/.test(page)) return undefined;
  return { command, page: Number(page), query: new URLSearchParams(query) };
}

export function pageArgs(def: CommandDefinition, query: URLSearchParams): CommandArgs {
  const args: CommandArgs = {};
  for (const option of def.options) {
    const raw = query.get(option.name);
    const value = raw === null ? undefined : coerce(option, raw);
    if (value !== undefined) args[option.name] = value;
  }
  return args;
}
