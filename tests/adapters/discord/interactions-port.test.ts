import { describe, expect, it } from 'vitest';
import { defaultInteractionsPort } from '../../../src/adapters/discord/http-interactions.ts';

describe('defaultInteractionsPort', () => {
  it('sits beside PORT, stays in range, and keeps 0 meaning any free port', () => {
    expect(defaultInteractionsPort(3000)).toBe(3001);
    expect(defaultInteractionsPort(65535)).toBe(65534);
    expect(defaultInteractionsPort(0)).toBe(0);
  });
});
