import type { Kysely } from 'kysely';
import type { AuditEntity } from '../../shared/schemas/audit';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import { recordAccess } from './audit';
import type { ActorContext } from './context';

/**
 * A person reopening the same record within this many minutes is one look, not many: screens
 * re-read a course after every save, and the log should say who looked, not how often React did.
 */
export const VIEW_WINDOW_MINUTES = 10;

const lastView = preparedQuery((db, entity: AuditEntity, entityId: number, staffId: number) =>
  db
    .selectFrom('audit_log')
    .select('at')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('staff_id', '=', staffId)
    .where('action', '=', 'view')
    .orderBy('id', 'desc')
    .limit(1),
);

/** Logs that the signed-in person opened a patient or a course (HIPAA §164.312(b): who read what, when). */
export async function logView(db: Kysely<DB>, ctx: ActorContext, entity: 'patient' | 'course', entityId: number): Promise<void> {
  const [last] = await lastView(db, entity, entityId, ctx.actor.id);
  if (last && ctx.now.getTime() - Date.parse(last.at) < VIEW_WINDOW_MINUTES * 60_000) return;
  await recordAccess(db, ctx, ctx.actor.id, entity, entityId);
}

/**
 * Reads a patient's or course's record while logging the view, both at once: on a clinic server
 * the log's transaction travels on its own connection instead of waiting for the read. Only a
 * record that exists is logged; a failed log fails the call, as a failed read does.
 */
export async function readLoggingView<T>(db: Kysely<DB>, ctx: ActorContext, entity: 'patient' | 'course', entityId: number, read: Promise<T>): Promise<T> {
  const log = (async () => {
    const exists = entity === 'patient'
      ? await db.selectFrom('patients').select('id').where('id', '=', entityId).executeTakeFirst()
      : await db.selectFrom('courses').select('id').where('id', '=', entityId).executeTakeFirst();
    if (exists) await logView(db, ctx, entity, entityId);
  })();
  const [value, logged] = await Promise.allSettled([read, log]);
  if (value.status === 'rejected') throw value.reason;
  if (logged.status === 'rejected') throw logged.reason;
  return value.value;
}
