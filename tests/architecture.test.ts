/**
 * The shape of the code, checked: no import cycles (type imports count — a cycle through types is
 * still two modules that cannot be understood apart), and data flows one way: the core and the
 * renderers never reach up into commands, schedule, adapters or the app, and the schedule never into
 * the commands (they meet at the DigestControl interface).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folders = ['src', 'commands'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of each file, as repository paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap(sourceFiles)) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'/g)]
      .map((m) => relative(root, resolve(root, dirname(file), m[1] ?? '')))
      .filter((target) => target.endsWith('.ts'));
    graph.set(file, targets);
  }
  return graph;
}

function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('module structure', () => {
  const graph = importGraph();

  it('reads the imports of every source file', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('src/main.ts')).toContain('src/app.ts');
  });

  it('has no import cycles, type imports included', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(findCycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it.each([
    [
      'src/core/',
      ['src/commands/', 'src/schedule/', 'src/adapters/', 'src/render/', 'src/store/', 'commands/'],
    ],
    ['src/render/', ['src/commands/', 'src/schedule/', 'src/adapters/', 'src/store/', 'commands/']],
    ['src/schedule/', ['src/commands/', 'commands/']],
  ])('%s imports nothing above it', (layer, above) => {
    const upward = [...graph]
      .filter(([file]) => file.startsWith(layer))
      .flatMap(([file, targets]) =>
        targets.filter((t) => above.some((a) => t.startsWith(a))).map((t) => `${file} → ${t}`),
      );
    expect(upward).toEqual([]);
  });
});
