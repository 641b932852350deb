// The reliability and security suite (issue #10): long, process-spawning scenarios kept out of the default run.
// Start it with `npm run test:reliability` (add `-- --quick` for the bounded CI subset).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15 * 60_000,
    hookTimeout: 2 * 60_000,
    pool: 'forks',
    // One scenario at a time: they measure memory and kill processes; the machine has few cores.
    fileParallelism: false,
  },
});
