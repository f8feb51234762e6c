import type { TestProject } from 'vitest/node';
import type { PostgresConnection } from '../../src/main/db/postgres';
import { createTemplate, startPostgresServer } from '../support/postgresServer';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: Omit<PostgresConnection, 'database'>;
  }
}

/** One throwaway PostgreSQL server per run; each test copies a fresh database from the migrated template. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const server = await startPostgresServer();
  await createTemplate(server.connection);
  project.provide('postgres', server.connection);
  console.log(`PostgreSQL test server on port ${server.connection.port}, template migrated, in ${Date.now() - started} ms`);
  return server.stop;
}
