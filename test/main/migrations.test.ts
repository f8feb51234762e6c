import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { DatabaseOpenError, LATEST_SCHEMA_VERSION, openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { tempDir } from '../support/tempDatabase';

const migrationsDir = join(import.meta.dirname, '../../migrations');

describe('migration list', () => {
  it('lists every numbered file in migrations/, in order, numbered from 1 without gaps', () => {
    const files = readdirSync(migrationsDir)
      .filter((f) => /^\d{4}_.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(migrations.map((m) => m.name)).toEqual(files);
    migrations.forEach((m, i) => expect(Number(m.name.slice(0, 4))).toBe(i + 1));
  });

  it('keeps released migrations frozen (edit a new migration instead)', () => {
    const released = JSON.parse(readFileSync(join(migrationsDir, 'released.json'), 'utf8')) as Record<string, string>;
    for (const [name, hash] of Object.entries(released)) {
      const text = readFileSync(join(migrationsDir, `${name}.ts`), 'utf8');
      expect(createHash('sha256').update(text).digest('hex'), `${name}.ts changed after release`).toBe(hash);
    }
  });
});

describe('openDatabase', () => {
  it('creates an empty database at the latest schema with the safety pragmas on', async () => {
    const file = join(tempDir(), 'new.sqlite');
    const db = await openDatabase(file);
    const pragma = async (name: string) => (await sql.raw(`PRAGMA ${name}`).execute(db)).rows[0];
    expect(await pragma('user_version')).toEqual({ user_version: LATEST_SCHEMA_VERSION });
    expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await pragma('synchronous')).toEqual({ synchronous: 2 });
    const tables = await sql<{ name: string; strict: number }>`
      SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
    expect(tables.rows.map((t) => t.name).sort()).toEqual([
      'antidepressant_trials', 'assessment_acknowledgements', 'assessment_entered_in_error', 'assessments', 'audit_log', 'consents', 'course_authorizations', 'course_day_times', 'course_progress', 'course_scale_plans', 'courses', 'current_medications', 'import_batches', 'import_records',
      'motor_thresholds', 'outcome_rule_change_seen', 'outcome_rule_changes', 'patients', 'pending_sessions', 'protocols', 'psychotherapy_trials', 'safety_screenings', 'session_adverse_events', 'session_interruptions', 'session_side_effects', 'settings', 'staff', 'treatment_sessions',
    ]);
    expect(tables.rows.every((t) => t.strict === 1)).toBe(true);
    await db.destroy();
  });

  it('reopens an up-to-date file without a backup and keeps its data', async () => {
    const dir = tempDir();
    const file = join(dir, 'clinic.sqlite');
    const first = await openDatabase(file);
    await sql`INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr A', 'psychiatrist', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(first);
    await first.destroy();
    const backups: string[] = [];
    const again = await openDatabase(file, { onBackup: (p) => backups.push(p) });
    const rows = await again.selectFrom('staff').select('name').execute();
    expect(rows).toEqual([{ name: 'Dr A' }]);
    expect(backups).toEqual([]);
    await again.destroy();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const file = join(tempDir(), 'future.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_table (x INTEGER); PRAGMA user_version = 999;');
    raw.close();
    const before = readFileSync(file);
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('too_new');
    expect((error as Error).message).toMatch(/newer version.*schema 999/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a SQLite file that is not ours', async () => {
    const file = join(tempDir(), 'other.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE invoices (id INTEGER)');
    raw.close();
    await expect(openDatabase(file)).rejects.toMatchObject({ reason: 'not_ours' });
  });

  it('refuses a file that is not a database at all', async () => {
    const file = join(tempDir(), 'notes.sqlite');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, 'these are not the bytes of a database, '.repeat(200)));
    await expect(openDatabase(file)).rejects.toBeInstanceOf(DatabaseOpenError);
  });
});

describe('runMigrations', () => {
  function rawKysely(file: string) {
    const raw = new Database(file);
    return { raw, db: new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) }) };
  }

  it('rolls a failing migration back whole and keeps the previous version', async () => {
    const { raw, db } = rawKysely(join(tempDir(), 'fail.sqlite'));
    const list = [
      { name: '0001_ok', up: async (k: Kysely<any>) => void (await sql`CREATE TABLE a (x INTEGER) STRICT`.execute(k)) },
      {
        name: '0002_breaks',
        up: async (k: Kysely<any>) => {
          await sql`CREATE TABLE b (x INTEGER) STRICT`.execute(k);
          await sql`INSERT INTO missing_table VALUES (1)`.execute(k);
        },
      },
    ];
    await expect(runMigrations(db, raw, list)).rejects.toMatchObject({ reason: 'migration_failed' });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    const names = raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all();
    expect(names).toEqual([{ name: 'a' }]);
    await db.destroy();
  });

  it('migrates from the previous version, backing the file up first', async () => {
    // Bring a file to each earlier version in turn, then open it with the app.
    for (let from = 1; from < LATEST_SCHEMA_VERSION; from++) {
      const dir = tempDir();
      const file = join(dir, 'old.sqlite');
      const { raw, db } = rawKysely(file);
      await runMigrations(db, raw, migrations.slice(0, from));
      await db.destroy();
      const backups: string[] = [];
      const opened = await openDatabase(file, { onBackup: (p) => backups.push(p) });
      expect(backups).toHaveLength(1);
      expect(existsSync(backups[0] ?? '') && statSync(backups[0] ?? '').size > 0).toBe(true);
      await opened.destroy();
    }
  });
});
