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
