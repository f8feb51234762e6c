import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';
import type { Engine } from './engine';

/**
 * SQLite (better-sqlite3): one writer at a time by BEGIN IMMEDIATE (immediateDialect.ts), case
 * folding by NOCASE, JSON by the json1 functions, change detection by `total_changes()` (this
 * connection's writes) and `data_version` (any other connection's).
 */
export const sqliteEngine: Engine = {
  name: 'sqlite',
  lockAuditChain: async () => {},
  lockRow: async () => {},
  equalsIgnoringCase: (column, value) => sql<boolean>`${column} = ${value} COLLATE NOCASE`,
  likeIgnoringCase: (column, pattern) => sql<boolean>`${column} LIKE ${pattern} ESCAPE '\\'`,
  ignoringCase: (column) => sql<string>`${column} COLLATE NOCASE`,
  async nextId(trx, table) {
    const row = (await sql<{ id: number }>`SELECT coalesce(max(id), 0) + 1 AS id FROM ${sql.table(table)}`.execute(trx)).rows[0];
    return row?.id ?? 1;
  },
  jsonObject: (entries) => sql<string>`json_object(${sql.join(entries.map(([key, value]) => sql`${sql.lit(key)}, ${value}`))})`,
  async changeToken(db: Kysely<DB>) {
    const [changes, version] = await Promise.all([
      sql<{ n: number }>`SELECT total_changes() AS n`.execute(db),
      sql<{ data_version: number }>`PRAGMA data_version`.execute(db),
    ]);
    return `${changes.rows[0]?.n ?? 0}:${version.rows[0]?.data_version ?? 0}`;
  },
  async schemaVersion(db: Kysely<DB>) {
    return (await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)).rows[0]?.user_version ?? 0;
  },
  async location(db: Kysely<DB>) {
    const rows = (await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db)).rows;
    return rows.find((r) => r.name === 'main')?.file ?? '';
  },
};
