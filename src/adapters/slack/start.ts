import type { App } from '../../app.ts';
import type { Running } from '../running.ts';

/** Placeholder until the Slack adapter lands. */
export async function startSlack(_app: App): Promise<Running[]> {
  throw new Error('The Slack adapter is not available yet.');
}
