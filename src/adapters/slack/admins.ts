/**
 * Who may change a channel's daily digest on Slack. With SLACK_DIGEST_ADMINS set, exactly those user
 * ids; unset, the workspace's admins and owners, as `users.info` reports them (scope `users:read`).
 * Answers are remembered for a few minutes so a busy channel does not call users.info every time; a
 * failed lookup is "no" (and not remembered), so an outage never grants the right.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log.ts';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 5_000;

export class SlackAdmins {
  readonly #known = new Map<string, { admin: boolean; until: number }>();

  constructor(private readonly listed: readonly string[]) {}

  async isAdmin(userId: string, client: webApi.WebClient, log: Logger): Promise<boolean> {
    if (this.listed.length) return this.listed.includes(userId);
    const known = this.#known.get(userId);
    if (known && known.until > Date.now()) return known.admin;
    try {
      const { user } = await client.users.info({ user: userId });
      const admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
      this.#known.delete(userId);
      this.#known.set(userId, { admin, until: Date.now() + TTL_MS });
      if (this.#known.size > MAX_ENTRIES) this.#known.delete(this.#known.keys().next().value as string);
      return admin;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      log.warn(
        { user: userId, reason: code },
        'users.info failed; treating the user as not a workspace admin',
      );
      return false;
    }
  }
}
