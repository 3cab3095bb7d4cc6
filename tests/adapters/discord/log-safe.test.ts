import { describe, expect, it } from 'vitest';
import { loggableError, scrubText } from '../../../src/adapters/discord/log-safe.ts';

describe('log scrubbing', () => {
  it('removes interaction and webhook tokens from URLs, and the bot token anywhere', () => {
    const text =
      'PATCH https://discord.com/api/v10/webhooks/123/aW50ZXJhY3Rpb24.abc/messages/@original failed; Bot secret-token-1';
    expect(scrubText(text, ['secret-token-1'])).toBe(
      'PATCH https://discord.com/api/v10/webhooks/123/[token]/messages/@original failed; Bot [redacted]',
    );
    expect(scrubText('/interactions/99/tok_en/callback')).toBe('/interactions/99/[token]/callback');
  });

  it('keeps what matters of an error (type, message, status, stack) without secrets', () => {
    const error = Object.assign(new Error('Unknown interaction'), {
      status: 404,
      method: 'POST',
      url: 'https://x/api/v10/interactions/1/secret-interaction-token/callback',
      requestBody: { json: { token: 'nope' } },
    });
    const out = loggableError(error) as Record<string, unknown>;
    expect(out).toMatchObject({ type: 'Error', message: 'Unknown interaction', status: 404, method: 'POST' });
    expect(out.url).toBe('https://x/api/v10/interactions/1/[token]/callback');
    expect(JSON.stringify(out)).not.toContain('secret-interaction-token');
    expect(out).not.toHaveProperty('requestBody');
  });
});
