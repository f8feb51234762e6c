import type { Kysely, Transaction } from 'kysely';
import { excitabilityOf, findDrug } from '../../shared/clinical';
import {
  type AntidepressantTrialRecord,
  type CurrentMedication,
  drugClassOf,
  type MedicationChangeFields,
  type MedicationFields,
  type PsychotherapyFields,
  type PsychotherapyTrial,
  type TreatmentHistory,
  type TrialFields,
} from '../../shared/schemas/history';
import type { DB } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext } from './context';
import { notFound, ServiceError } from './errors';

type Reader = Kysely<DB> | Transaction<DB>;

async function trialsOf(db: Reader, where: { patientId?: number; id?: number }): Promise<AntidepressantTrialRecord[]> {
  let q = db.selectFrom('antidepressant_trials as t').innerJoin('staff', 'staff.id', 't.entered_by').selectAll('t').select('staff.name as entered_by_name');
  if (where.patientId !== undefined) q = q.where('t.patient_id', '=', where.patientId);
  if (where.id !== undefined) q = q.where('t.id', '=', where.id);
  const rows = await q.orderBy('t.started_on').orderBy('t.id').execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    drug: r.drug,
    drugClass: r.drug_class,
    dose: r.dose,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    adequate: r.adequate === 1,
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    version: r.version,
    enteredByName: r.entered_by_name,
    updatedAt: r.updated_at,
  }));
}

async function psychotherapyOf(db: Reader, where: { patientId?: number; id?: number }): Promise<PsychotherapyTrial[]> {
  let q = db.selectFrom('psychotherapy_trials as t').innerJoin('staff', 'staff.id', 't.entered_by').selectAll('t').select('staff.name as entered_by_name');
  if (where.patientId !== undefined) q = q.where('t.patient_id', '=', where.patientId);
  if (where.id !== undefined) q = q.where('t.id', '=', where.id);
  const rows = await q.orderBy('t.started_on').orderBy('t.id').execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    therapyType: r.therapy_type,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    sessions: r.sessions,
    notes: r.notes,
    version: r.version,
    enteredByName: r.entered_by_name,
    updatedAt: r.updated_at,
  }));
}

export async function medicationsOf(db: Reader, where: { patientId?: number; id?: number }): Promise<CurrentMedication[]> {
  let q = db.selectFrom('current_medications as m').innerJoin('staff', 'staff.id', 'm.entered_by').selectAll('m').select('staff.name as entered_by_name');
  if (where.patientId !== undefined) q = q.where('m.patient_id', '=', where.patientId);
  if (where.id !== undefined) q = q.where('m.id', '=', where.id);
  // Taken now first, then stopped; each by start.
  const rows = await q.orderBy((eb) => eb.case().when('m.stopped_on', 'is', null).then(0).else(1).end()).orderBy('m.started_on').orderBy('m.id').execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    drug: r.drug,
    drugClass: drugClassOf(r.drug),
    dose: r.dose,
    startedOn: r.started_on,
    stoppedOn: r.stopped_on,
    changedOn: r.changed_on,
    excitability: excitabilityOf(r.drug),
    version: r.version,
    enteredByName: r.entered_by_name,
    updatedAt: r.updated_at,
  }));
}

export async function getTreatmentHistory(db: Kysely<DB>, patientId: number): Promise<TreatmentHistory> {
  await requirePatient(db, patientId, false);
  const [trials, psychotherapy, medications] = await Promise.all([trialsOf(db, { patientId }), psychotherapyOf(db, { patientId }), medicationsOf(db, { patientId })]);
  return { trials, psychotherapy, medications };
}

async function requirePatient(db: Reader, patientId: number, forWrite: boolean): Promise<void> {
  const row = await db.selectFrom('patients').select(['id', 'archived_at']).where('id', '=', patientId).executeTakeFirst();
  if (!row) throw notFound('Patient', patientId);
  if (forWrite && row.archived_at !== null) throw new ServiceError('conflict', 'This patient is archived. Restore the record before changing the treatment history.');
}

function stale(what: string): ServiceError {
  return new ServiceError('conflict', `This ${what} was changed by someone else since you opened it. Reload; nothing was saved.`);
}

/** Adds an antidepressant trial, or corrects one (`id` and the `version` shown); the class comes from the built-in list. */
export async function saveTrial(db: Kysely<DB>, ctx: ActorContext, fields: TrialFields, id?: number, version?: number): Promise<AntidepressantTrialRecord> {
  const drug = findDrug(fields.drug);
  if (!drug) throw new ServiceError('invalid_input', 'Choose a drug from the list.', { drug: 'Choose a drug from the list' });
  const at = ctx.now.toISOString();
  const columns = {
    drug: drug.name,
    drug_class: drug.drugClass,
    dose: fields.dose,
    started_on: fields.startedOn,
    ended_on: fields.endedOn,
    adequate: fields.adequate ? (1 as const) : (0 as const),
    outcome: fields.outcome,
    outcome_note: fields.outcomeNote,
    updated_at: at,
  };
  return db.transaction().execute(async (trx) => {
    await requirePatient(trx, fields.patientId, true);
    if (id === undefined) {
      const row = await trx.insertInto('antidepressant_trials').values({ patient_id: fields.patientId, ...columns, entered_by: ctx.actor.id, created_at: at }).returning('id').executeTakeFirstOrThrow();
      const [created] = await trialsOf(trx, { id: row.id });
      if (!created) throw notFound('Antidepressant trial', row.id);
      await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'create', entity: 'antidepressant_trial', entityId: row.id, before: null, after: created });
      return created;
    }
    const [before] = await trialsOf(trx, { id });
    if (!before || before.patientId !== fields.patientId) throw notFound('Antidepressant trial', id);
    if (before.version !== version) throw stale('trial');
    await trx.updateTable('antidepressant_trials').set({ ...columns, version: before.version + 1 }).where('id', '=', id).execute();
    const [after] = await trialsOf(trx, { id });
    if (!after) throw notFound('Antidepressant trial', id);
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'update', entity: 'antidepressant_trial', entityId: id, before, after });
    return after;
  });
}

/** Adds a psychotherapy trial, or corrects one. */
export async function savePsychotherapy(db: Kysely<DB>, ctx: ActorContext, fields: PsychotherapyFields, id?: number, version?: number): Promise<PsychotherapyTrial> {
  const at = ctx.now.toISOString();
  const columns = { therapy_type: fields.therapyType, started_on: fields.startedOn, ended_on: fields.endedOn, sessions: fields.sessions, notes: fields.notes, updated_at: at };
  return db.transaction().execute(async (trx) => {
    await requirePatient(trx, fields.patientId, true);
    if (id === undefined) {
      const row = await trx.insertInto('psychotherapy_trials').values({ patient_id: fields.patientId, ...columns, entered_by: ctx.actor.id, created_at: at }).returning('id').executeTakeFirstOrThrow();
      const [created] = await psychotherapyOf(trx, { id: row.id });
      if (!created) throw notFound('Psychotherapy trial', row.id);
      await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'create', entity: 'psychotherapy_trial', entityId: row.id, before: null, after: created });
      return created;
    }
    const [before] = await psychotherapyOf(trx, { id });
    if (!before || before.patientId !== fields.patientId) throw notFound('Psychotherapy trial', id);
    if (before.version !== version) throw stale('psychotherapy trial');
    await trx.updateTable('psychotherapy_trials').set({ ...columns, version: before.version + 1 }).where('id', '=', id).execute();
    const [after] = await psychotherapyOf(trx, { id });
    if (!after) throw notFound('Psychotherapy trial', id);
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'update', entity: 'psychotherapy_trial', entityId: id, before, after });
    return after;
  });
}

/** Adds a medication the patient takes (or took); its start (or stop) is its first change. */
export async function addMedication(db: Kysely<DB>, ctx: ActorContext, fields: MedicationFields): Promise<CurrentMedication> {
  const at = ctx.now.toISOString();
  const drug = findDrug(fields.drug)?.name ?? fields.drug;
  return db.transaction().execute(async (trx) => {
    await requirePatient(trx, fields.patientId, true);
    const row = await trx
      .insertInto('current_medications')
      .values({
        patient_id: fields.patientId,
        drug,
        dose: fields.dose,
        started_on: fields.startedOn,
        stopped_on: fields.stoppedOn,
        changed_on: fields.stoppedOn ?? fields.startedOn,
        entered_by: ctx.actor.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [created] = await medicationsOf(trx, { id: row.id });
    if (!created) throw notFound('Medication', row.id);
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'create', entity: 'medication', entityId: row.id, before: null, after: created });
    return created;
  });
}

/** A dose change or a stop, effective on `changedOn` (never before the medication's last change). */
export async function changeMedication(db: Kysely<DB>, ctx: ActorContext, change: MedicationChangeFields): Promise<CurrentMedication> {
  return db.transaction().execute(async (trx) => {
    const [before] = await medicationsOf(trx, { id: change.id });
    if (!before) throw notFound('Medication', change.id);
    await requirePatient(trx, before.patientId, true);
    if (before.version !== change.version) throw stale('medication');
    if (before.stoppedOn !== null) throw new ServiceError('conflict', `${before.drug} was stopped on ${before.stoppedOn}: add it again to record a new start.`);
    if (change.changedOn < before.changedOn) {
      throw new ServiceError('invalid_input', `The change cannot be dated before the last one (${before.changedOn}).`, { changedOn: `On or after ${before.changedOn}` });
    }
    if (change.stoppedOn === null && change.dose === before.dose) {
      throw new ServiceError('invalid_input', 'Nothing changed: enter the new dose, or stop the medication.', { dose: 'The same dose as before' });
    }
    await trx
      .updateTable('current_medications')
      .set({ dose: change.dose, stopped_on: change.stoppedOn, changed_on: change.changedOn, version: before.version + 1, updated_at: ctx.now.toISOString() })
      .where('id', '=', change.id)
      .execute();
    const [after] = await medicationsOf(trx, { id: change.id });
    if (!after) throw notFound('Medication', change.id);
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: change.stoppedOn ? 'discontinue' : 'update', entity: 'medication', entityId: change.id, before, after });
    return after;
  });
}
