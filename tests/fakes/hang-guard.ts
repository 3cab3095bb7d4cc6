/**
 * How long a fake waits for what a test expects (an answer, a post, a connection) before failing with
 * a message saying what never came. It guards against hangs only: waiting is by event, so on a busy
 * machine a test gets slower, never red. The same value is vitest's test timeout.
 */
export const HANG_GUARD_MS = 60_000;
