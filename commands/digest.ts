import type { Command, CommandContext } from '../src/commands/types.ts';
import type { Reply } from '../src/core/reply.ts';
import { formatTimestamp } from '../src/render/labels.ts';
import type { DigestStatus } from '../src/schedule/digest-control.ts';
import { formatAge } from '../src/service/stale-notices.ts';
import type { ChatPlatform } from '../src/store/subscriptions.ts';

const message = (tone: 'info' | 'success' | 'error', title: string, text: string): Reply => ({
  view: { kind: 'message', tone, title, text },
  visibility: 'ephemeral',
});

/** /digest on|off|status|preview — the channel's daily briefing. */
export const digest: Command = {
  definition: {
    name: 'digest',
    description: 'Post the briefing to this channel every day (on, off, status, preview)',
    adminOnly: true,
    options: [
      {
        name: 'action',
        description: 'on, off, status or preview',
        type: 'string',
        required: true,
        choices: [
          { name: 'on', value: 'on' },
          { name: 'off', value: 'off' },
          { name: 'status', value: 'status' },
          { name: 'preview', value: 'preview' },
        ],
      },
      {
        name: 'time',
        description: 'Local time, HH:MM (24-hour), default 07:30',
        type: 'string',
        maxLength: 5,
      },
      {
        name: 'timezone',
        description: 'IANA time zone, e.g. Europe/Paris (default UTC)',
        type: 'string',
        maxLength: 64,
      },
      {
        name: 'weekdays',
        description: 'daily (default), weekdays, weekends, or e.g. mon,wed,fri',
        type: 'string',
        maxLength: 64,
      },
      {
        name: 'categories',
        description: 'Only these topics, e.g. markets,trade',
        type: 'string',
        maxLength: 200,
      },
      {
        name: 'mention',
        description: 'A role (Discord) or user group (Slack) to notify, opt-in',
        type: 'string',
        maxLength: 100,
      },
    ],
  },
  async execute(args, ctx) {
    const { digests, channel, platform } = ctx;
    if (!digests || !channel || (platform !== 'discord' && platform !== 'slack')) {
      return message(
        'info',
        'Daily digest',
        'The daily digest runs on Discord and Slack channels. Try `briefer digest --channel slack:C0123` from the command line.',
      );
    }
    const action = String(args.action ?? 'status');
    if (action !== 'status' && ctx.user?.isAdmin === false) {
      return message(
        'error',
        'Not allowed',
        'Only people who manage this server or workspace can change the daily digest.',
      );
    }
    const chat: ChatPlatform = platform;
    switch (action) {
      case 'on': {
        const s = await digests.subscribe({
          platform: chat,
          channelId: channel.id,
          time: str(args.time),
          timezone: str(args.timezone),
          weekdays: str(args.weekdays),
          categories: str(args.categories),
          mention: str(args.mention),
          createdBy: ctx.user?.id,
        });
        const status = await digests.status(chat, channel.id);
        return message(
          'success',
          'Daily digest on',
          describe(status, ctx) || `Every day at ${s.time} ${s.timezone}.`,
        );
      }
      case 'off':
        return (await digests.unsubscribe(chat, channel.id))
          ? message('success', 'Daily digest off', 'This channel will no longer get the daily digest.')
          : message('info', 'Daily digest', 'This channel had no daily digest.');
      case 'preview': {
        const { messageIds } = await digests.preview(chat, channel.id);
        return message(
          'success',
          'Preview posted',
          `Posted a preview of the digest to this channel (${messageIds.length} message${messageIds.length === 1 ? '' : 's'}). It does not count as today's digest.`,
        );
      }
      default: {
        const status = await digests.status(chat, channel.id);
        return status.subscription
          ? message('info', 'Daily digest', describe(status, ctx))
          : message(
              'info',
              'Daily digest',
              'This channel has no daily digest. Turn it on with `/digest on time:07:30 timezone:Europe/Paris`.',
            );
      }
    }
  },
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function describe(status: DigestStatus, ctx: CommandContext): string {
  const s = status.subscription;
  if (!s) return '';
  const days = s.weekdays === '*' ? 'every day' : `on ${s.weekdays.toLowerCase()}`;
  const lines = [`Posts ${days} at ${s.time} (${s.timezone}).`];
  if (s.categories?.length) {
    const labels = s.categories.map((id) => ctx.taxonomy.categories.find((c) => c.id === id)?.label ?? id);
    lines.push(`Topics: ${labels.join(', ')}.`);
  }
  if (s.mention) lines.push(`Notifies ${ctx.platform === 'discord' ? 'role' : 'user group'} ${s.mention}.`);
  if (s.origin === 'config') lines.push('Set by the bot’s configuration (DIGEST_CHANNELS).');
  if (s.unreachable)
    lines.push(
      `⚠️ Stopped: the bot cannot post here (${s.unreachable.reason}). Fix access, then run /digest on again.`,
    );
  else if (status.nextRun)
    lines.push(`Next digest: ${formatTimestamp(status.nextRun.toISOString(), s.timezone)}.`);
  if (status.lastPost) {
    const p = status.lastPost;
    if (p.status === 'sent' && p.sentAt)
      lines.push(
        `Last posted: ${formatTimestamp(p.sentAt, s.timezone)} (${formatAge(Date.now() - Date.parse(p.sentAt))} ago).`,
      );
    else if (p.status === 'failed')
      lines.push(`Last attempt on ${p.localDate} failed: ${p.error ?? 'unknown error'}.`);
  }
  if (s.lastError && !s.unreachable) lines.push(`Last error: ${s.lastError.message}`);
  return lines.join('\n');
}
