import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db';
import { engineOf } from '../../src/main/db/engines/engine';
import { tempDatabase } from '../support/tempDatabase';

describe('migrations on PostgreSQL', () => {
  it('bring a new database to the latest schema', async () => {
    const { db } = await tempDatabase();
    expect(engineOf(db).name).toBe('postgres');
    expect(await engineOf(db).schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const protocols = await sql<{ n: number }>`SELECT count(*) AS n FROM protocols`.execute(db);
    expect(protocols.rows).toEqual([{ n: 5 }]);
  });
});
