import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ServiceError } from './errors';
import { clinicDateWriters } from './settings';

export interface EditedRecord {
  /** The audit log's entity name ('patient', 'course', 'antidepressant_trial', …). */
  entity: string;
  entityId: number;
  /** The record's `updated_at`: the change the editor did not see was audited at that moment. */
  updatedAt: string;
}

/**
 * The refusal of an edit made on an older version: names who changed the record and when (from the
 * audit entry written with that change), so the user knows whose work to look at before entering
 * theirs again. The renderer keeps what they typed on screen.
 */
export async function staleEditError(db: Kysely<DB>, record: EditedRecord, what: string): Promise<ServiceError> {
  const audited = db.selectFrom('audit_log as a').innerJoin('staff as s', 's.id', 'a.staff_id').select(['s.name', 'a.at']).where('a.at', '=', record.updatedAt).orderBy('a.id', 'desc');
  // The change and its audit entry share the transaction's moment. Usually the entry is the record's own (indexed);
  // a course changed by a session is audited as the session, found by its moment alone.
  const change =
    (await audited.where('a.entity', '=', record.entity).where('a.entity_id', '=', record.entityId).executeTakeFirst()) ?? (await audited.executeTakeFirst());
  const { moment } = await clinicDateWriters(db);
  const who = change ? `by ${change.name} at ${moment(change.at)}` : `at ${moment(record.updatedAt)}`;
  return new ServiceError('conflict', `${what} was changed ${who}, after you opened it. Nothing was saved: what you entered is still here. Reload to see the change, then enter yours again.`);
}
