import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../../src/adapters/slack/bolt-logger.ts';
import { memoryLog } from '../../fakes/slack/memory-log.ts';

const SECRET = 'shh-signing-secret-123';
const TOKEN = 'xoxb-1234-abcd';

describe('Bolt → pino logger', () => {
  it('writes Bolt lines at their level, with the secrets scrubbed from text and errors', () => {
    const log = memoryLog('debug');
    const bolt = boltLogger(log.logger, [SECRET, TOKEN], 'bolt');
    bolt.warn(`Failed to verify with ${SECRET}`);
    bolt.error('call failed', new Error(`401 for token ${TOKEN}`));
    bolt.debug('details', { retry: 2 });
    const [warn, error, debug] = log.records();
    expect(warn).toMatchObject({ level: 40, component: 'bolt', msg: 'Failed to verify with [redacted]' });
    expect(error).toMatchObject({
      level: 50,
      msg: 'call failed',
      err: { type: 'Error', message: '401 for token [redacted]' },
    });
    expect(debug).toMatchObject({ level: 20, msg: 'details { retry: 2 }' });
    expect(log.text()).not.toContain(SECRET);
    expect(log.text()).not.toContain(TOKEN);
  });

  it('reports Briefer’s level to Bolt and ignores Bolt’s attempts to change it', () => {
    const log = memoryLog('warn');
    const bolt = boltLogger(log.logger, []);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
    bolt.setLevel(LogLevel.DEBUG);
    bolt.info('not shown');
    expect(log.records()).toEqual([]);
  });
});
