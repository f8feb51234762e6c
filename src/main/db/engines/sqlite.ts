import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema';
import type { Engine } from './engine';
import { likeContains } from './like';

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
  patientContainsAll(words) {
    // FTS5's trigram tokenizer makes no token of a word under three characters.
    const indexed = words.filter((w) => [...w].length >= 3);
    const checked = words.filter((w) => [...w].length < 3).map((w) => {
      const pattern = likeContains(w);
      return sql<boolean>`(last_name LIKE ${pattern} ESCAPE '\\' OR first_name LIKE ${pattern} ESCAPE '\\' OR mrn LIKE ${pattern} ESCAPE '\\')`;
    });
    if (indexed.length === 0) return sql.join(checked, sql` AND `) as RawBuilder<boolean>;
    // The index holds lower() of the fields (ASCII letters folded), so the words are folded the same way.
    const phrases = indexed.map((w) => `"${w.replace(/[A-Z]/g, (c) => c.toLowerCase()).replaceAll('"', '""')}"`).join(' AND ');
    const found = sql<boolean>`${sql.ref('patients.id')} IN (SELECT rowid FROM patient_search WHERE patient_search MATCH ${phrases})`;
    return sql.join([found, ...checked], sql` AND `) as RawBuilder<boolean>;
  },
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
