/** `npx tsx tools/timeMigration.ts FILE`: applies the pending migrations to FILE (no backup) and prints how long they took. */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations } from '../migrations';
import { runMigrations } from '../src/main/db/migrate';
const file = process.argv[2]!;
const raw = new Database(file);
raw.pragma('journal_mode = WAL'); raw.pragma('foreign_keys = ON'); raw.pragma('synchronous = FULL');
const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: raw }) });
const before = raw.pragma('user_version', { simple: true });
const t0 = performance.now();
const after = await runMigrations(db, raw, migrations);
const ms = performance.now() - t0;
const n = raw.prepare('SELECT count(*) AS n FROM assessments').get() as { n: number };
console.log(JSON.stringify({ before, after, ms: Math.round(ms), assessments: n.n }));
await db.destroy();
