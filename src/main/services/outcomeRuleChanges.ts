import type { Kysely } from 'kysely';
import type { OutcomeRuleChange, ShownOutcome } from '../../shared/schemas/outcomeRuleChange';
import type { DB } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext } from './context';

function selectUnseen(db: Kysely<DB>, staffId: number) {
  return db
    .selectFrom('outcome_rule_changes as o')
    .innerJoin('courses as c', 'c.id', 'o.course_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .leftJoin('outcome_rule_change_seen as s', (join) => join.onRef('s.change_id', '=', 'o.id').on('s.staff_id', '=', staffId))
    .where('s.change_id', 'is', null)
    .select(['o.id', 'o.course_id', 'o.rule_change', 'o.recorded_at', 'o.before_json', 'o.after_json', 'c.patient_id', 'c.protocol_name', 'p.first_name', 'p.last_name', 'p.mrn']);
}

/**
 * The courses whose outcome changed with the date-window rules (migration 0011) that the
 * signed-in psychiatrist has not marked seen yet, by patient.
 */
export async function listUnseenOutcomeRuleChanges(db: Kysely<DB>, ctx: ActorContext): Promise<OutcomeRuleChange[]> {
  const rows = await selectUnseen(db, ctx.actor.id).orderBy('p.last_name').orderBy('p.first_name').orderBy('o.course_id').execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    patientId: r.patient_id,
    patientName: `${r.last_name.toUpperCase()}, ${r.first_name}`,
    mrn: r.mrn,
    protocolName: r.protocol_name,
    ruleChange: r.rule_change,
    recordedAt: r.recorded_at,
    before: JSON.parse(r.before_json) as ShownOutcome,
    after: JSON.parse(r.after_json) as ShownOutcome,
  }));
}

/**
 * The signed-in psychiatrist has seen these changes: they leave their list (not anyone else's).
 * Ids already seen or unknown are skipped. One audit entry per course, in the same transaction.
 */
export async function markOutcomeRuleChangesSeen(db: Kysely<DB>, ctx: ActorContext, ids: number[]): Promise<{ marked: number }> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const unseen = await selectUnseen(trx, actor.id).where('o.id', 'in', [...new Set(ids)]).orderBy('o.id').execute();
    const seenAt = ctx.now.toISOString();
    for (const change of unseen) {
      await trx.insertInto('outcome_rule_change_seen').values({ change_id: change.id, staff_id: actor.id, seen_at: seenAt }).execute();
      await recordAudit(trx, ctx, {
        staffId: actor.id,
        action: 'acknowledge',
        entity: 'course',
        entityId: change.course_id,
        before: null,
        after: { outcomeRuleChangeId: change.id, ruleChange: change.rule_change, before: JSON.parse(change.before_json) as object, after: JSON.parse(change.after_json) as object },
        reason: 'Outcome under the date-window rules seen',
      });
    }
    return { marked: unseen.length };
  });
}
