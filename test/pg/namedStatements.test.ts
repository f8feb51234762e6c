import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { tempDatabase } from '../support/tempDatabase';

describe('prepared statements on the clinic server', () => {
  it('a repeated query is prepared once per connection and answers with each run’s arguments', async () => {
    const { db } = await tempDatabase();
    await db.connection().execute(async (connection) => {
      const read = (id: number) => connection.selectFrom('protocols').select(['id', 'name']).where('id', '=', id).execute();
      const [one] = await read(1);
      const [two] = await read(2);
      expect(one?.id).toBe(1);
      expect(two?.id).toBe(2);
      const prepared = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(connection);
      const mine = prepared.rows.filter((r) => r.statement.includes('from "protocols"'));
      expect(mine).toHaveLength(1);
      expect(mine[0]?.name).toMatch(/^tms_\d+$/);
    });
  });

  it('a table another workstation changed under a prepared statement is read again with its new columns', async () => {
    const { db, file } = await tempDatabase();
    await sql`CREATE TABLE scratch (id integer PRIMARY KEY, a text)`.execute(db);
    await sql`INSERT INTO scratch VALUES (1, 'one')`.execute(db);
    await db.connection().execute(async (connection) => {
      const read = () => sql<Record<string, unknown>>`SELECT * FROM scratch WHERE id = ${1}`.execute(connection);
      expect((await read()).rows).toEqual([{ id: 1, a: 'one' }]);
      const other = new pg.Client({ ...inject('postgres'), database: new URL(file).pathname.slice(1) });
      await other.connect();
      await other.query("ALTER TABLE scratch ADD COLUMN b text NOT NULL DEFAULT 'two'");
      await other.end();
      expect((await read()).rows).toEqual([{ id: 1, a: 'one', b: 'two' }]);
      expect((await read()).rows).toEqual([{ id: 1, a: 'one', b: 'two' }]);
    });
  });

  it('inside a transaction the changed table fails the transaction, and the next one reads the new columns', async () => {
    const { db, file } = await tempDatabase();
    await sql`CREATE TABLE scratch (id integer PRIMARY KEY, a text)`.execute(db);
    await sql`INSERT INTO scratch VALUES (1, 'one')`.execute(db);
    await db.connection().execute(async (connection) => {
      const read = (on: typeof connection) => sql<Record<string, unknown>>`SELECT * FROM scratch WHERE id = ${1}`.execute(on);
      expect((await read(connection)).rows).toEqual([{ id: 1, a: 'one' }]);
      const other = new pg.Client({ ...inject('postgres'), database: new URL(file).pathname.slice(1) });
      await other.connect();
      await other.query("ALTER TABLE scratch ADD COLUMN b text NOT NULL DEFAULT 'two'");
      await other.end();
      await expect(connection.transaction().execute((trx) => read(trx))).rejects.toThrow(/cached plan must not change result type/);
      expect((await connection.transaction().execute((trx) => read(trx))).rows).toEqual([{ id: 1, a: 'one', b: 'two' }]);
    });
  });
});
