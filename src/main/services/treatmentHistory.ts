import { engineOf } from '../db/engines/engine';
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
import { staleEditError } from './staleEdit';

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


/** How one kind of versioned history row (a trial) is read, inserted, corrected and audited. */
interface HistoryRowKind<T> {
  entity: 'antidepressant_trial' | 'psychotherapy_trial';
  table: 'antidepressant_trials' | 'psychotherapy_trials';
  label: string;
  noun: string;
  read: (trx: Transaction<DB>, id: number) => Promise<T | undefined>;
  insert: (trx: Transaction<DB>, created: { patient_id: number; entered_by: number; created_at: string }) => Promise<number>;
  update: (trx: Transaction<DB>, id: number, version: number) => Promise<unknown>;
}

/** Adds a history row, or corrects one (`id` and the `version` shown), audited; the patient must not be archived. */
async function saveHistoryRow<T extends { patientId: number; version: number; updatedAt: string }>(
  db: Kysely<DB>,
  ctx: ActorContext,
  patientId: number,
  kind: HistoryRowKind<T>,
  id?: number,
  version?: number,
): Promise<T> {
  const read = async (trx: Transaction<DB>, rowId: number) => {
    const row = await kind.read(trx, rowId);
    if (!row || row.patientId !== patientId) throw notFound(kind.label, rowId);
    return row;
  };
  return db.transaction().execute(async (trx) => {
    await requirePatient(trx, patientId, true);
    if (id === undefined) {
      const newId = await kind.insert(trx, { patient_id: patientId, entered_by: ctx.actor.id, created_at: ctx.now.toISOString() });
      const created = await read(trx, newId);
      await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'create', entity: kind.entity, entityId: newId, before: null, after: created });
      return created;
    }
    await engineOf(trx).lockRow(trx, kind.table, id);
    const before = await read(trx, id);
    if (before.version !== version) throw await staleEditError(trx, { entity: kind.entity, entityId: id, updatedAt: before.updatedAt }, `This ${kind.noun}`);
    await kind.update(trx, id, before.version + 1);
    const after = await read(trx, id);
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'update', entity: kind.entity, entityId: id, before, after });
    return after;
  });
}

/** Adds an antidepressant trial, or corrects one (`id` and the `version` shown); the class comes from the built-in list. */
export async function saveTrial(db: Kysely<DB>, ctx: ActorContext, fields: TrialFields, id?: number, version?: number): Promise<AntidepressantTrialRecord> {
  const drug = findDrug(fields.drug);
  if (!drug) throw new ServiceError('invalid_input', 'Choose a drug from the list.', { drug: 'Choose a drug from the list' });
  const columns = {
    drug: drug.name,
    drug_class: drug.drugClass,
    dose: fields.dose,
    started_on: fields.startedOn,
    ended_on: fields.endedOn,
    adequate: fields.adequate ? (1 as const) : (0 as const),
    outcome: fields.outcome,
    outcome_note: fields.outcomeNote,
    updated_at: ctx.now.toISOString(),
  };
  return saveHistoryRow(db, ctx, fields.patientId, {
    entity: 'antidepressant_trial',
    table: 'antidepressant_trials',
    label: 'Antidepressant trial',
    noun: 'trial',
    read: async (trx, rowId) => (await trialsOf(trx, { id: rowId }))[0],
    insert: async (trx, created) => (await trx.insertInto('antidepressant_trials').values({ ...columns, ...created }).returning('id').executeTakeFirstOrThrow()).id,
    update: (trx, rowId, next) => trx.updateTable('antidepressant_trials').set({ ...columns, version: next }).where('id', '=', rowId).execute(),
  }, id, version);
}

/** Adds a psychotherapy trial, or corrects one. */
export async function savePsychotherapy(db: Kysely<DB>, ctx: ActorContext, fields: PsychotherapyFields, id?: number, version?: number): Promise<PsychotherapyTrial> {
  const columns = { therapy_type: fields.therapyType, started_on: fields.startedOn, ended_on: fields.endedOn, sessions: fields.sessions, notes: fields.notes, updated_at: ctx.now.toISOString() };
  return saveHistoryRow(db, ctx, fields.patientId, {
    entity: 'psychotherapy_trial',
    table: 'psychotherapy_trials',
    label: 'Psychotherapy trial',
    noun: 'psychotherapy trial',
    read: async (trx, rowId) => (await psychotherapyOf(trx, { id: rowId }))[0],
    insert: async (trx, created) => (await trx.insertInto('psychotherapy_trials').values({ ...columns, ...created }).returning('id').executeTakeFirstOrThrow()).id,
    update: (trx, rowId, next) => trx.updateTable('psychotherapy_trials').set({ ...columns, version: next }).where('id', '=', rowId).execute(),
  }, id, version);
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
    await engineOf(trx).lockRow(trx, 'current_medications', change.id);
    const [before] = await medicationsOf(trx, { id: change.id });
    if (!before) throw notFound('Medication', change.id);
    await requirePatient(trx, before.patientId, true);
    if (before.version !== change.version) throw await staleEditError(trx, { entity: 'medication', entityId: change.id, updatedAt: before.updatedAt }, 'This medication');
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
