/** The committed Slack app manifest declares exactly the commands the registry answers. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../commands/index.ts';
import { brieferManifest, SLACK_BOT_SCOPES, slackManifest } from '../../../src/adapters/slack/manifest.ts';

const committed = JSON.parse(readFileSync(new URL('../../../slack/manifest.json', import.meta.url), 'utf8'));

describe('slack/manifest.json', () => {
  it('is up to date with the command registry (regenerate: npx tsx src/adapters/slack/manifest.ts > slack/manifest.json)', () => {
    expect(committed).toEqual(brieferManifest());
  });

  it('declares every registered command once, at /slack/events, with its usage', () => {
    const names = createCommandRegistry()
      .list()
      .map((c) => `/${c.definition.name}`);
    const commands = committed.features.slash_commands as Array<Record<string, unknown>>;
    expect(commands.map((c) => c.command)).toEqual(names);
    for (const c of commands) {
      expect(c.url).toBe('https://briefer.example.com/slack/events');
      expect(c.should_escape).toBe(false);
      expect(String(c.description).length).toBeLessThanOrEqual(100);
    }
    expect(commands.find((c) => c.command === '/story')?.usage_hint).toBe('[sentences]');
  });

  it('enables interactivity (the Share button) and asks only for the scopes Briefer uses', () => {
    expect(committed.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://briefer.example.com/slack/events',
    });
    expect(committed.oauth_config.scopes.bot).toEqual([...SLACK_BOT_SCOPES]);
    expect(committed.display_information.description.length).toBeLessThanOrEqual(140);
  });

  it('puts a real host in every URL when given one', () => {
    const m = slackManifest([{ name: 'brief', description: 'd', options: [] }], 'https://news.acme.test/');
    expect(m.features.slash_commands[0]?.url).toBe('https://news.acme.test/slack/events');
    expect(m.settings.interactivity.request_url).toBe('https://news.acme.test/slack/events');
  });
});
