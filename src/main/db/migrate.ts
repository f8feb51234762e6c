import type Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Migration } from '../../../migrations';
import { DatabaseOpenError } from './errors';

export function schemaVersionOf(raw: Database.Database): number {
  return raw.pragma('user_version', { simple: true }) as number;
}

/**
 * Refuses a file this version cannot safely migrate: one written by a newer version,
 * or a non-empty SQLite file that was never ours.
 */
export function assertMigratable(raw: Database.Database, file: string, latest: number): void {
  const current = schemaVersionOf(raw);
  if (current > latest) {
    throw new DatabaseOpenError(
      'too_new',
      `The database ${file} was written by a newer version of TMS Course Tracker (schema ${current}; ` +
        `this version knows up to ${latest}). Install the newer version to open it. The file was not changed.`,
    );
  }
  if (current === 0) {
    const tables = raw
      .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
      .get() as { n: number };
    if (tables.n > 0) {
      throw new DatabaseOpenError(
        'not_ours',
        `${file} is a SQLite database but not a TMS Course Tracker one. It was not changed.`,
      );
    }
  }
}

/** Copies the whole database to a sibling file before a schema change touches it. */
export function backUpBeforeMigration(raw: Database.Database, file: string, from: number, to: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.backup-v${from}-to-v${to}-${stamp}`;
  raw.prepare('VACUUM INTO ?').run(target);
  return target;
}

/**
 * Applies pending migrations in order. Each one runs in its own transaction together
 * with the `user_version` bump, so a crash leaves the file at the previous version,
 * never half-migrated.
 */
// Migrations are written against an untyped Kysely: they must not depend on today's schema types.
export async function runMigrations(db: Kysely<any>, raw: Database.Database, list: readonly Migration[]): Promise<number> {
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
