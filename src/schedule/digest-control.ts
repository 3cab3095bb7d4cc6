/**
 * What `/digest` and the CLI may ask of the daily digest. Commands depend on this interface; the
 * digest service implements it, so neither imports the other.
 */
import type { PostRecord } from '../store/digest-ledger.ts';
import type { ChatPlatform, Subscription } from '../store/subscriptions.ts';

export interface SubscribeRequest {
  platform: ChatPlatform;
  channelId: string;
  time?: string;
  timezone?: string;
  weekdays?: string;
  /** Comma-separated category ids or labels. */
  categories?: string;
  /** A role/user-group id or mention text; parsed per platform. */
  mention?: string;
  createdBy?: string;
}

export interface DigestStatus {
  channel: string;
  subscription?: Subscription;
  lastPost?: PostRecord;
  nextRun?: Date;
}

export interface DigestControl {
  subscribe(request: SubscribeRequest): Promise<Subscription>;
  unsubscribe(platform: ChatPlatform, channelId: string): Promise<boolean>;
  status(platform: ChatPlatform, channelId: string): Promise<DigestStatus>;
  preview(platform: ChatPlatform, channelId: string): Promise<{ messageIds: string[] }>;
}
