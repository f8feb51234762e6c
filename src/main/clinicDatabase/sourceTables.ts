import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';

/** A table of the clinic's SQLite file, as the move to a server copies it. */
export interface SourceTable {
  name: string;
  columns: string[];
  /** The primary key's columns (rows the server already has are matched on it). */
  key: string[];
  /** A WITHOUT ROWID table (small link tables): read whole, in key order, rather than in rowid pages. */
  withoutRowid: boolean;
}

/**
 * Tables the migrations' triggers fill as other tables are written (course_progress: a row per
 * course, counts per session): copied last, over what the triggers made, so they end as on the file.
 */
const TRIGGER_MAINTAINED = ['course_progress'];

/**
 * The clinic's tables in an order where every table comes after those its foreign keys point to
 * (a table that points to itself, as a protocol to its lineage, orders its own rows by id).
 */
export async function clinicTableOrder(source: Kysely<DB>): Promise<SourceTable[]> {
  // Ordinary tables only: the search index (an FTS5 virtual table and its shadow tables) is the
  // server's own index there, built from the copied patients.
  const list = (await sql<{ name: string; sql: string }>`
    SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_table_list t ON t.name = m.name AND t.schema = 'main'
    WHERE m.type = 'table' AND t.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name`.execute(source)).rows;
  const names = list.map((r) => r.name);
  const withoutRowid = new Set(list.filter((r) => /WITHOUT\s+ROWID/i.test(r.sql)).map((r) => r.name));
  const tables = new Map<string, SourceTable & { dependsOn: Set<string> }>();
  for (const name of names) {
    const info = (await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${name})`.execute(source)).rows;
    const foreign = (await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${name})`.execute(source)).rows;
    const key = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    tables.set(name, {
      name,
      columns: info.map((c) => c.name),
      key: key.length > 0 ? key : info.map((c) => c.name),
      withoutRowid: withoutRowid.has(name),
      dependsOn: new Set(foreign.map((f) => f.table).filter((t) => t !== name)),
    });
  }
  const ordered: SourceTable[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: readonly string[]) => {
    if (placed.has(name)) return;
    if (path.includes(name)) throw new Error(`Foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    const table = tables.get(name);
    if (!table) return;
    for (const dependency of table.dependsOn) visit(dependency, [...path, name]);
    placed.add(name);
    ordered.push({ name: table.name, columns: table.columns, key: table.key, withoutRowid: table.withoutRowid });
  };
  for (const name of names) if (!TRIGGER_MAINTAINED.includes(name)) visit(name, []);
  for (const name of TRIGGER_MAINTAINED) visit(name, []);
  return ordered;
}
