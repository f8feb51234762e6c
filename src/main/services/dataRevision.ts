import type { Kysely } from 'kysely';
import { type DataRevision, recordKeepingActions } from '../../shared/schemas/audit';
import type { DB } from '../db/schema';

/**
 * Every write is audited in its own transaction, so the newest audit entry that changed a record is
 * the clinic's data revision, on either engine and whichever workstation wrote it. Read backwards
 * from the end of the log: a few rows, whatever its length.
 */
export async function getDataRevision(db: Kysely<DB>): Promise<DataRevision> {
  const row = await db.selectFrom('audit_log').select('id').where('action', 'not in', recordKeepingActions).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return { revision: row?.id ?? 0 };
}
