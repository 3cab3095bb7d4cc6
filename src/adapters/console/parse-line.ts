/** A typed console line → command name and argument text. "/headlines markets" → ["headlines", "markets"]. */
export function parseConsoleLine(line: string): { name: string; rest: string } | undefined {
  const trimmed = line.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m) return undefined;
  return { name: (m[1] ?? '').toLowerCase(), rest: m[2] ?? '' };
}
