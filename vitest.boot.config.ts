import { defineConfig } from 'vitest/config';

/**
 * Boot tests: the built main bundle (out/main/index.js) under Node with the Electron stand-in,
 * and the built preload. Run after `npm run build` (npm test does). Each test starts a child
 * process; the bounds are generous for a loaded 2-core machine and decide no result.
 */
export default defineConfig({
  test: {
    include: ['test/electron/boot/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
