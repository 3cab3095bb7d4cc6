import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/core/errors.ts';

describe('loadConfig', () => {
  it('gives console defaults for an empty environment', () => {
    const { env, platforms } = loadConfig({});
    expect(env.BRIEFER_SOURCE).toBe('sample');
    expect(env.BRIEFER_SENTENCES).toBe(3);
    expect(env.DIGEST_TIME).toBe('07:30');
    expect(env.DIGEST_TZ).toBe('UTC');
    expect(env.PORT).toBe(3000);
    expect(platforms).toEqual({
      discordGateway: false,
      discordHttp: false,
      slack: false,
      slackSocketMode: false,
    });
  });

  it('reads the headline limits, 5 per category and 40 in all by default', () => {
    expect(loadConfig({}).env).toMatchObject({ BRIEFER_MAX_PER_CATEGORY: 5, BRIEFER_MAX_HEADLINES: 40 });
    const { env } = loadConfig({ BRIEFER_MAX_PER_CATEGORY: '3', BRIEFER_MAX_HEADLINES: '12' });
    expect(env).toMatchObject({ BRIEFER_MAX_PER_CATEGORY: 3, BRIEFER_MAX_HEADLINES: 12 });
    expect(() => loadConfig({ BRIEFER_MAX_PER_CATEGORY: '0' })).toThrow(
      /BRIEFER_MAX_PER_CATEGORY:.*\(got "0"\)/,
    );
    expect(() => loadConfig({ BRIEFER_MAX_HEADLINES: 'lots' })).toThrow(/BRIEFER_MAX_HEADLINES:/);
  });

  it('treats empty strings as unset', () => {
    const { platforms, env } = loadConfig({
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '  ',
      BRIEFER_SENTENCES: '',
    });
    expect(platforms.discordGateway).toBe(false);
    expect(platforms.slack).toBe(false);
    expect(env.BRIEFER_SENTENCES).toBe(3);
  });

  it('names the variable and the value that is wrong', () => {
    expect(() => loadConfig({ DIGEST_TIME: '7.30' })).toThrow(
      /DIGEST_TIME: expected HH:MM \(24-hour\) \(got "7.30"\)/,
    );
    expect(() => loadConfig({ DIGEST_TZ: 'Mars/Olympus' })).toThrow(/DIGEST_TZ: expected an IANA time zone/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT:/);
    expect(() => loadConfig({ BRIEFER_SENTENCES: '99' })).toThrow(/BRIEFER_SENTENCES:/);
    expect(() => loadConfig({ DIGEST_CHANNELS: 'slack:C1,teams:42' })).toThrow(
      /DIGEST_CHANNELS: entry 2: expected platform:id/,
    );
  });

  it('reports every bad variable at once, as a ConfigError', () => {
    try {
      loadConfig({ DIGEST_TIME: '25:00', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/DIGEST_TIME/);
      expect((error as Error).message).toMatch(/LOG_LEVEL/);
    }
  });

  it('refuses a User-Agent an HTTP header cannot carry: C1 controls and characters past U+00FF', () => {
    expect(() => loadConfig({ BRIEFER_USER_AGENT: 'Briefer\u0085x' })).toThrow(
      /BRIEFER_USER_AGENT: must be one line without control characters \(no CR\/LF\) \(got "Briefer\\u0085x"\)/,
    );
    expect(() => loadConfig({ BRIEFER_USER_AGENT: 'Briefer\u007f' })).toThrow(/\(got "Briefer\\u007f"\)/);
    expect(() => loadConfig({ BRIEFER_USER_AGENT: 'Briefer \u2014 news desk' })).toThrow(
      /BRIEFER_USER_AGENT: must be plain text an HTTP header can carry/,
    );
    expect(() => loadConfig({ BRIEFER_USER_AGENT: 'Briefer \u{1F4F0}' })).toThrow(/BRIEFER_USER_AGENT:/);
    const latin1 = 'Briefer/1.0 (contact: Jos\u00e9, +https://example.org)';
    expect(loadConfig({ BRIEFER_USER_AGENT: latin1 }).env.BRIEFER_USER_AGENT).toBe(latin1);
  });

  it('never echoes a secret value', () => {
    const secret = 'not-hex-but-secret-value';
    try {
      loadConfig({ DISCORD_PUBLIC_KEY: secret });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/DISCORD_PUBLIC_KEY/);
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('checks variables that only make sense together', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'abc.def.ghi' })).toThrow(
      /DISCORD_APPLICATION_ID: required when DISCORD_TOKEN/,
    );
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: required/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's3cr3t' })).toThrow(/SLACK_BOT_TOKEN: required/);
  });

  it('refuses a Discord bot that nothing would reach: no gateway and no interactions key', () => {
    const discord = {
      DISCORD_TOKEN: 'abc.def.ghi',
      DISCORD_APPLICATION_ID: '123456',
      DISCORD_SHARDS: 'none',
    };
    expect(() => loadConfig(discord)).toThrow(/DISCORD_PUBLIC_KEY: required when DISCORD_SHARDS=none/);
    // With the key it serves HTTP interactions; the command line only posts, so it needs neither.
    expect(loadConfig({ ...discord, DISCORD_PUBLIC_KEY: 'a'.repeat(64) }).platforms.discordHttp).toBe(true);
    expect(loadConfig(discord, { receives: false }).platforms.discordGateway).toBe(false);
  });

  it('recognises each platform', () => {
    const { platforms, env } = loadConfig({
      DISCORD_TOKEN: 'abc.def.ghi',
      DISCORD_APPLICATION_ID: '123456',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      DIGEST_CHANNELS: 'slack:C0123, discord:112233',
    });
    expect(platforms).toEqual({
      discordGateway: true,
      discordHttp: false,
      slack: true,
      slackSocketMode: true,
    });
    expect(env.DIGEST_CHANNELS).toEqual(['slack:C0123', 'discord:112233']);
  });
});

describe('AI summary settings', () => {
  it('are off by default, with the documented limits', () => {
    const { env } = loadConfig({});
    expect(env.BRIEFER_LLM_URL).toBeUndefined();
    expect(env.BRIEFER_LLM_TIMEOUT_MS).toBe(20_000);
    expect(env.BRIEFER_LLM_MAX_CALLS_PER_HOUR).toBe(60);
  });

  it('need a model with the URL, and never echo the key', () => {
    expect(() => loadConfig({ BRIEFER_LLM_URL: 'http://localhost:11434/v1' })).toThrow(
      /BRIEFER_LLM_MODEL: required when BRIEFER_LLM_URL/,
    );
    expect(() => loadConfig({ BRIEFER_LLM_URL: 'ftp://x', BRIEFER_LLM_MODEL: 'm' })).toThrow(
      /BRIEFER_LLM_URL/,
    );
    const key = 'sk-very-secret-key-value';
    try {
      loadConfig({ BRIEFER_LLM_API_KEY: key, BRIEFER_LLM_TIMEOUT_MS: 'soon' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/BRIEFER_LLM_TIMEOUT_MS/);
      expect((error as Error).message).not.toContain(key);
    }
  });
});
