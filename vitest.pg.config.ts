import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The PostgreSQL run (`npm run test:pg`): a throwaway server started by globalSetup, and the
 * suites listed here run on it — `tempDatabase()` opens a fresh PostgreSQL
 * database per test instead of a SQLite file when TMS_TEST_ENGINE is 'postgres'.
 */
export default defineConfig({
  test: {
    include: [
      // PostgreSQL-only suites (migrations, schema parity, the audit chain under concurrent writers).
      'test/pg/**/*.test.ts',
      // Service and dispatch suites, the same files as the SQLite run. Left out, as SQLite-only: the file's
      // opening, backups, recovery and concurrent processes (openDatabase, backups, recovery, concurrentWriters),
      // the data migrations from older SQLite files (migrationNNNN, migrations, generatedClinic; a server's
      // migrations are test/pg/migrations.test.ts).
      ...[
        'patients', 'courses', 'sessionRules', 'staff', 'auth', 'auditChain', 'phq9', 'assessments', 'screening',
        'treatmentHistory', 'billing', 'cosign', 'todayPlannedTimes', 'viewLog', 'safeStates', 'assessmentWindows',
        'dispatch', 'access', 'appLog', 'dashboardScales', 'dataRevision', 'packet', 'preparedQuery', 'plausibility',
        'reports', 'dateFormat', 'exchange/import', 'exchange/fhirExport', 'exchange/fhirMapping', 'migration0019', 'migration0020', 'migration0021', 'todayReader', 'keptRevisions',
      ].map((name) => `test/main/${name}.test.ts`),
    ],
    exclude: [...configDefaults.exclude],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['test/pg/globalSetup.ts'],
    env: { TMS_TEST_ENGINE: 'postgres' },
    testTimeout: 20_000,
  },
});
