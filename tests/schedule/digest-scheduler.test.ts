/** The scheduler wakes the runner on its own (a tick every poll), on a fake clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import { createLogger } from '../../src/log.ts';
import { DigestService } from '../../src/schedule/digest-service.ts';
import { makeBriefing } from '../helpers/briefing.ts';
import { FakePoster } from '../helpers/fake-poster.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DigestScheduler', () => {
  it('posts at each local time without anyone calling tick, catches up at start, and stops cleanly', async () => {
    vi.setSystemTime(new Date('2026-11-25T05:00:00Z'));
    const slack = new FakePoster('slack');
    const discord = new FakePoster('discord');
    const service = await DigestService.open({
      dbPath: ':memory:',
      briefings: { get: async () => ({ briefing: makeBriefing() }) },
      taxonomy: loadTaxonomy(),
      posters: { slack, discord },
      logger: createLogger('silent'),
      catchUpMs: 3 * 3_600_000,
      // A configured channel whose time (04:00 UTC) passed an hour ago: caught up at start.
      configured: { channels: ['discord:1'], time: '04:00', timezone: 'UTC' },
      // Five minutes between ticks keeps a fake day short (the default is 10 s); the times are on it.
      pollMs: 5 * 60_000,
    });
    await service.subscribe({
      platform: 'slack',
      channelId: 'CPARIS',
      time: '07:30',
      timezone: 'Europe/Paris',
    });
    await service.subscribe({
      platform: 'slack',
      channelId: 'CTOKYO',
      time: '16:00',
      timezone: 'Asia/Tokyo',
    }); // 07:00Z

    service.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(discord.posts.map((p) => p.channel)).toEqual(['discord:1']);
    expect(slack.posts).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(89 * 60_000); // to 06:29:01Z
    expect(slack.posts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000); // 06:30:01Z = 07:30 in Paris
    expect(slack.posts.map((p) => p.channel)).toEqual(['slack:CPARIS']);
    await vi.advanceTimersByTimeAsync(30 * 60_000); // 07:00:01Z = 16:00 in Tokyo
    expect(slack.posts.map((p) => p.channel)).toEqual(['slack:CPARIS', 'slack:CTOKYO']);

    // A whole day later each channel has exactly two digests.
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    const count = (ch: string) => [...slack.posts, ...discord.posts].filter((p) => p.channel === ch).length;
    expect([count('discord:1'), count('slack:CPARIS'), count('slack:CTOKYO')]).toEqual([2, 2, 2]);

    await service.stop();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(count('slack:CPARIS')).toBe(2);
  });
});
