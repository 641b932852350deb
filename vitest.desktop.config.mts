// `npm run test:desktop`: the built app (out/) run for real in the desktop harness (tests/desktop/harness): one app
// and one Chromium at a time, so the files run one after another.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/desktop/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
