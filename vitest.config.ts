import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The boot tests run the built bundle: `npm run test:boot` (vitest.boot.config.ts), after the build.
    exclude: [...configDefaults.exclude, 'test/electron/boot/**'],
    environment: 'node',
    pool: 'forks',
  },
});
