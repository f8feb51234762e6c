import type Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Migration } from '../../../migrations';
import { createBackup } from '../backup/backups';
import { MIGRATION_LOCK, postgresSchemaVersion } from './engines/postgres';
import { DatabaseOpenError } from './errors';

export function schemaVersionOf(raw: Database.Database): number {
  return raw.pragma('user_version', { simple: true }) as number;
}

/**
 * Backs the whole database up (verified, under a temporary name until verified) into the
 * backups folder beside it before a schema change touches it; returns the backup's path.
 */
export async function backUpBeforeMigration(raw: Database.Database, file: string, now: Date): Promise<string> {
  return (await createBackup(raw, file, 'pre-migration', now)).path;
}

/**
 * Applies pending migrations in order. Each one runs in its own transaction together
 * with the `user_version` bump, so a crash leaves the file at the previous version,
 * never half-migrated.
 */
// Migrations are written against an untyped Kysely: they must not depend on today's schema types.
export async function runMigrations(db: Kysely<any>, raw: Database.Database, list: readonly Pick<Migration, 'name' | 'up'>[]): Promise<number> {
  let current = schemaVersionOf(raw);
  for (const migration of list.slice(current)) {
    const next = current + 1;
    try {
      await db.transaction().execute(async (trx) => {
        // BEGIN IMMEDIATE holds the write lock: if another process migrated the file while we
        // waited for it, this step is already done.
        if (schemaVersionOf(raw) >= next) return;
        await migration.up(trx);
        await sql.raw(`PRAGMA user_version = ${next}`).execute(trx);
      });
    } catch (error) {
      throw new DatabaseOpenError(
        'migration_failed',
        `Updating the database to schema ${next} (${migration.name}) failed; it was left at schema ${current}.`,
        { cause: error },
      );
    }
    current = next;
  }
  return current;
}

/** Applies pending migrations on PostgreSQL; see `runPostgresMigrations`. */
export type PostgresMigration = Pick<Migration, 'name' | 'postgres'>;

/**
 * PostgreSQL counterpart of runMigrations: the version lives in `tms_schema_version` (one row).
 * Each migration runs in its own transaction with the version bump, after taking an advisory
 * lock: a second workstation migrating at the same time waits, then finds the step done. A
 * newer schema than the list knows is refused by the caller before this runs.
 */
export async function runPostgresMigrations(db: Kysely<any>, list: readonly PostgresMigration[]): Promise<number> {
  let current = 0;
  for (const [index, migration] of list.entries()) {
    const next = index + 1;
    try {
      await db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)})`.execute(trx);
        await sql`CREATE TABLE IF NOT EXISTS tms_schema_version (version integer NOT NULL)`.execute(trx);
        const version = await postgresSchemaVersion(trx);
        current = version;
        if (version >= next) return;
        await migration.postgres(trx);
        if (version === 0) await sql`INSERT INTO tms_schema_version (version) VALUES (${next})`.execute(trx);
        else await sql`UPDATE tms_schema_version SET version = ${next}`.execute(trx);
        current = next;
      });
    } catch (error) {
      throw new DatabaseOpenError(
        'migration_failed',
        `Updating the database to schema ${next} (${migration.name}) failed; it was left at schema ${current}.`,
        { cause: error },
      );
    }
  }
  return current;
}
