import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The boot tests run the built bundle: `npm run test:boot` (vitest.boot.config.ts), after the build.
    // test/pg/ needs the PostgreSQL server of vitest.pg.config.ts (`npm run test:pg`).
    exclude: [...configDefaults.exclude, 'test/electron/boot/**', 'test/pg/**'],
    environment: 'node',
    pool: 'forks',
    // Generous, as in e2e: CI's 2-core machine is loaded, and `npm test` now runs the suite twice
    // (the second time with TZ=Pacific/Honolulu); a slow test is not a failing one.
    testTimeout: 20_000,
  },
});
