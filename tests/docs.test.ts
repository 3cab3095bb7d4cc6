/** Every configuration variable is documented where users look: docs/configuration.md and .env.example. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../src/config.ts';

const read = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

describe('documentation of configuration', () => {
  const variables = Object.keys(EnvSchema.shape);

  it('has every variable in the configuration table (docs/configuration.md)', () => {
    const table = read('docs/configuration.md');
    for (const v of variables) expect(table, v).toContain(`\`${v}\``);
  });

  it('has every variable in .env.example, and nothing unknown', () => {
    const example = read('.env.example');
    for (const v of variables) expect(example, v).toMatch(new RegExp(`^#? ?${v}=`, 'm'));
    const named = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    for (const n of named) expect(variables).toContain(n);
  });
});
