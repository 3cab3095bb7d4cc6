/**
 * Pagination buttons carry everything needed to redraw a page in their custom_id
 * (`bp|headlines|2|category=markets|<user id>`), so paging works after a restart and needs no
 * storage. The user id is who asked: only they page the shared message; anyone else gets a copy.
 */
import type { CommandArgs, CommandDefinition } from '../../core/command-definition.ts';
import { coerce } from './command-args.ts';

const PREFIX = 'bp';

export function encodePageId(command: string, args: CommandArgs, page: number, owner?: string): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(args)) if (v !== undefined) query.set(k, String(v));
  const parts = [PREFIX, command, String(page), query.toString()];
  if (owner) parts.push(owner);
  return parts.join('|');
}

export interface DecodedPageId {
  command: string;
  page: number;
  /** Raw values; turn them into typed args with `pageArgs`. */
  query: URLSearchParams;
  /** The user who asked for the message the button is on, if the button says. */
  owner?: string;
}

export function decodePageId(customId: string): DecodedPageId | undefined {
  // The renderer may append `#p`, `#n`, `#i` to keep button ids unique.
  const [prefix, command, page, query = '', owner] = (customId.split('#')[0] ?? '').split('|');
  if (prefix !== PREFIX || !command || !page || !/^\d{1,4}$/.test(page)) return undefined;
  const decoded: DecodedPageId = { command, page: Number(page), query: new URLSearchParams(query) };
  if (owner && /^\d{1,25}$/.test(owner)) decoded.owner = owner;
  return decoded;
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
