import { describe, expect, it } from 'vitest';
import { NAMED_STATEMENTS_LIMIT, StatementNames } from '../../src/main/db/postgresStatements';

describe('the names of the clinic server statement cache', () => {
  it('one name per query text; transaction control, DDL and pattern matches run unnamed', () => {
    const names = new StatementNames();
    const read = 'select * from "patients" where "id" = $1';
    const name = names.nameOf(read);
    expect(name).toMatch(/^tms_\d+$/);
    expect(names.nameOf(read)).toBe(name);
    expect(names.nameOf('insert into "audit_log" ("at") values ($1)')).not.toBe(name);
    expect(names.nameOf('  WITH x AS (SELECT 1) SELECT * FROM x')).toMatch(/^tms_/);
    for (const text of ['begin', 'commit', 'rollback', 'savepoint "sp1"', 'create table t (id int)', 'lock table "courses"']) {
      expect(names.nameOf(text)).toBeNull();
    }
    expect(names.nameOf(`select * from "patients" where lower("last_name") like $1 escape '\\'`)).toBeNull();
    expect(names.nameOf('select * from "patients" where "last_name" ILIKE $1')).toBeNull();
  });

  it('a renamed text is prepared afresh; past the limit, new texts run unnamed and known ones keep their names', () => {
    const names = new StatementNames();
    const first = names.nameOf('select 0 where $1 = 1');
    expect(names.rename('select 0 where $1 = 1')).not.toBe(first);
    for (let i = 1; i < NAMED_STATEMENTS_LIMIT; i++) names.nameOf(`select ${i} where $1 = 1`);
    expect(names.nameOf(`select ${NAMED_STATEMENTS_LIMIT} where $1 = 1`)).toBeNull();
    expect(names.nameOf('select 1 where $1 = 1')).toMatch(/^tms_/);
  });
});
