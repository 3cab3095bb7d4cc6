import type { App } from '../../app.ts';
import type { Running } from '../running.ts';

/** Placeholder until the Discord adapter lands. */
export async function startDiscord(_app: App): Promise<Running[]> {
  throw new Error('The Discord adapter is not available yet.');
}
