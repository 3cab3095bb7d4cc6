/**
 * Finding 5: with SLACK_DIGEST_ADMINS unset, Slack workspace admins and owners (users.info) may change
 * a channel's digest and anyone may read its status — nobody is locked out, nobody else gets in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.ts';
import type { DigestService } from '../../../src/schedule/digest-service.ts';
import { attachDigests, type SlackHarness, startSlackHarness } from '../slack/harness.ts';

const logger = createLogger('silent');

describe('/digest permissions on Slack with SLACK_DIGEST_ADMINS unset (finding 5)', () => {
  let h: SlackHarness;
  let service: DigestService;
  beforeAll(async () => {
    h = await startSlackHarness({ env: { SLACK_DIGEST_ADMINS: '' } });
    h.slack.users.set('U0OWNER', { is_owner: true, is_admin: true });
    h.slack.users.set('U0WSADMIN', { is_admin: true });
    h.slack.users.set('U0MEMBER', {});
    service = await attachDigests(h, logger);
  });
  afterAll(async () => {
    await service.stop();
    await h.close();
  });

  const replyText = async (responseId: string) => JSON.stringify(await h.replies(responseId));

  it('lets a workspace admin turn the digest on, and an owner turn it off', async () => {
    const on = await h.command('/digest', 'on time:06:45', { user_id: 'U0WSADMIN', channel_id: 'C0PERM' });
    expect(await replyText(on.responseId)).toMatch(/Posts every day at 06:45/);
    expect((await service.status('slack', 'C0PERM')).subscription).toMatchObject({ createdBy: 'U0WSADMIN' });
    const off = await h.command('/digest', 'off', { user_id: 'U0OWNER', channel_id: 'C0PERM' });
    expect(await replyText(off.responseId)).not.toMatch(/Only people who manage/);
    expect((await service.status('slack', 'C0PERM')).subscription).toBeUndefined();
    const asked = h.slack.callsTo('users.info').map((c) => c.params.user);
    expect(asked).toEqual(expect.arrayContaining(['U0WSADMIN', 'U0OWNER']));
  });

  it('refuses a member who is not an admin, and lets them read the status', async () => {
    const on = await h.command('/digest', 'on', { user_id: 'U0MEMBER', channel_id: 'C0PERM2' });
    expect(await replyText(on.responseId)).toMatch(/Only people who manage/);
    expect((await service.status('slack', 'C0PERM2')).subscription).toBeUndefined();
    const status = await h.command('/digest', 'status', { user_id: 'U0MEMBER', channel_id: 'C0PERM2' });
    expect(await replyText(status.responseId)).not.toMatch(/Only people who manage/);
  });

  it('treats a failed users.info as "not an admin"', async () => {
    const on = await h.command('/digest', 'on', { user_id: 'U0STRANGER', channel_id: 'C0PERM3' });
    expect(await replyText(on.responseId)).toMatch(/Only people who manage/);
    expect(h.log.records().some((r) => String(r.msg).includes('users.info failed'))).toBe(true);
  });

  it('does not call users.info for commands anyone may run', async () => {
    const before = h.slack.callsTo('users.info').length;
    const brief = await h.command('/brief', '', { user_id: 'U0MEMBER' });
    await h.replies(brief.responseId);
    expect(h.slack.callsTo('users.info').length).toBe(before);
  });
});
