import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Only a guard against hangs (tests wait on events, not clocks): a busy 2-core machine makes the
    // end-to-end tests slower, and that must not make them fail. Same as tests/fakes/hang-guard.ts.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
