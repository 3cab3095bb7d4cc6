/** The fake Discord and its helpers, for end-to-end tests of anything that talks to Discord. */
export {
  type Answer,
  DiscordErrors,
  type Failure,
  FakeDiscord,
  type FakeDiscordOptions,
  type RecordedRequest,
  type RouteMatcher,
  type StoredMessage,
  startFakeDiscord,
} from './fake-discord.ts';
export * from './interactions.ts';
export { MemoryLog } from './memory-log.ts';
export * from './news.ts';
export { generateSigningKeys, type SigningKeys, signatureHeaders } from './signing.ts';
export { choiceProblems, messageProblems } from './validate.ts';
