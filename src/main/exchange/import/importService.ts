import { type Kysely, sql } from 'kysely';
import { localIsoDate } from '../../../shared/dates';
import { type ImportBatch, type ImportCheck, type ImportKind, type ImportRequest, importTemplates } from '../../../shared/schemas/import';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../services/audit';
import { clinicDateWriters, getClinicSettings } from '../../services/settings';
import type { ActorContext } from '../../services/context';
import { getAssessment } from '../../services/assessments';
import { ServiceError } from '../../services/errors';
import { coursePlanner } from './courseRows';
import { columnReader, parseCsv } from './csvTable';
import type { ImportPlanner, RowPlan } from './plan';
import { patientPlanner } from './patientRows';
import { phq9Planner } from './phq9Rows';

const planners: { [K in ImportKind]: ImportPlanner<unknown> } = {
  patients: patientPlanner as ImportPlanner<unknown>,
  phq9: phq9Planner as ImportPlanner<unknown>,
  courses: coursePlanner as ImportPlanner<unknown>,
};

async function plan(db: Kysely<DB>, ctx: ActorContext, request: ImportRequest): Promise<{ check: ImportCheck; plan: RowPlan<unknown> }> {
  const dateFormat = request.dateFormat ?? (await getClinicSettings(db)).dateFormat;
  const table = parseCsv(request.csv);
  const reader = columnReader(table.headers, importTemplates[request.kind], request.mapping);
  const headerProblems = [...table.issues, ...reader.issues];
  // Without a required column every row would repeat the same error: the header is fixed first.
  const rows = reader.issues.length > 0
    ? { items: [], records: [], errors: [], warnings: [] }
    : await planners[request.kind].check(db, ctx, { table, reader, dateFormat });
  const errors = [...headerProblems, ...rows.errors].sort((a, b) => a.row - b.row);
  return {
    check: { kind: request.kind, rows: table.rows.length, headers: table.headers, mapping: reader.mapping, dateFormat, items: rows.items, errors, warnings: rows.warnings },
    plan: rows,
  };
}

/** The dry run: what the file would create and every row's errors. Writes nothing. */
export async function checkImport(db: Kysely<DB>, ctx: ActorContext, request: ImportRequest): Promise<ImportCheck> {
  return (await plan(db, ctx, request)).check;
}

const batchRows = (db: Kysely<DB>) =>
  db
    .selectFrom('import_batches as b')
    .innerJoin('staff as i', 'i.id', 'b.imported_by')
    .leftJoin('staff as u', 'u.id', 'b.undone_by')
    .select((eb) => [
      'b.id', 'b.kind', 'b.file_name', 'b.rows', 'b.imported_at', 'b.imported_on', 'b.undone_at', 'i.name as imported_by_name', 'u.name as undone_by_name',
      eb.selectFrom('import_records as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.batch_id', '=', 'b.id').as('created'),
    ]);

type BatchRow = Awaited<ReturnType<ReturnType<typeof batchRows>['execute']>>[number];

function toBatch(row: BatchRow, today: string): ImportBatch {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    rows: row.rows,
    created: row.created ?? 0,
    importedByName: row.imported_by_name,
    importedAt: row.imported_at,
    importedOn: row.imported_on,
    undoneAt: row.undone_at,
    undoneByName: row.undone_by_name,
    canUndo: row.undone_at === null && row.imported_on === today,
  };
}

async function getBatch(db: Kysely<DB>, id: number, today: string): Promise<ImportBatch> {
  const row = await batchRows(db).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw new ServiceError('not_found', `Import ${id} does not exist.`);
  return toBatch(row, today);
}

/** The latest imports, newest first. */
export async function listImports(db: Kysely<DB>, ctx: ActorContext): Promise<ImportBatch[]> {
  const rows = await batchRows(db).orderBy('b.id', 'desc').limit(30).execute();
  return rows.map((r) => toBatch(r, localIsoDate(ctx.now)));
}

/**
 * The import itself: in one transaction, the file is checked again against the database as it is now
 * (nothing is written if any row has an error), then every record is created and audited, and the
 * batch lists them so the import can be undone as a whole.
 */
export async function commitImport(db: Kysely<DB>, ctx: ActorContext, request: ImportRequest): Promise<ImportBatch> {
  const today = localIsoDate(ctx.now);
  const id = await db.transaction().execute(async (trx) => {
    const { check, plan: rows } = await plan(trx, ctx, request);
    if (check.errors.length > 0) {
      throw new ServiceError('invalid_input', `The file has ${check.errors.length} problem${check.errors.length === 1 ? '' : 's'}: nothing was imported. Check it again and fix them first.`);
    }
    if (rows.records.length === 0) throw new ServiceError('invalid_input', 'The file has no rows to import.');
    const batch = await trx
      .insertInto('import_batches')
      .values({ kind: request.kind, file_name: request.fileName, rows: check.rows, imported_by: ctx.actor.id, imported_at: ctx.now.toISOString(), imported_on: today })
      .returning('id')
      .executeTakeFirstOrThrow();
    const planner = planners[request.kind];
    const reason = `Imported from ${request.fileName} (import ${batch.id})`;
    for (const record of rows.records) {
      const entityId = await planner.insert(trx, ctx, record, reason);
      await trx.insertInto('import_records').values({ batch_id: batch.id, entity: planner.entity, entity_id: entityId }).execute();
    }
    await recordAudit(trx, ctx, {
      staffId: ctx.actor.id, action: 'import', entity: 'import', entityId: batch.id, before: null,
      after: { kind: request.kind, fileName: request.fileName, rows: check.rows, created: rows.records.length, mapping: check.mapping, dateFormat: check.dateFormat },
      reason,
    });
    return batch.id;
  });
  return getBatch(db, id, today);
}

/** Records added since the import that hang on its records: an undo would take them away, so it is refused. */
async function dependents(db: Kysely<DB>, batchId: number): Promise<string[]> {
  const found = await sql<{ what: string; n: number }>`
    WITH mine AS (SELECT entity, entity_id FROM import_records WHERE batch_id = ${batchId})
    SELECT 'assessments entered since' AS what, count(*) AS n FROM assessments
      WHERE patient_id IN (SELECT entity_id FROM mine WHERE entity = 'patient') AND id NOT IN (SELECT entity_id FROM mine WHERE entity = 'phq9')
    UNION ALL SELECT 'courses prescribed since', count(*) FROM courses
      WHERE patient_id IN (SELECT entity_id FROM mine WHERE entity = 'patient') AND id NOT IN (SELECT entity_id FROM mine WHERE entity = 'course')
    UNION ALL SELECT 'patients edited, archived or restored since', count(*) FROM patients
      WHERE id IN (SELECT entity_id FROM mine WHERE entity = 'patient') AND version > 0
    UNION ALL SELECT 'courses changed since', count(*) FROM courses
      WHERE id IN (SELECT entity_id FROM mine WHERE entity = 'course') AND version > 0
    UNION ALL SELECT 'sessions, thresholds or authorizations recorded since', (
      (SELECT count(*) FROM treatment_sessions WHERE course_id IN (SELECT entity_id FROM mine WHERE entity = 'course'))
      + (SELECT count(*) FROM motor_thresholds WHERE course_id IN (SELECT entity_id FROM mine WHERE entity = 'course'))
      + (SELECT count(*) FROM pending_sessions WHERE course_id IN (SELECT entity_id FROM mine WHERE entity = 'course'))
      + (SELECT count(*) FROM course_authorizations WHERE course_id IN (SELECT entity_id FROM mine WHERE entity = 'course')) - (SELECT count(*) FROM mine WHERE entity = 'course'))
    UNION ALL SELECT 'course measurement plans set since', count(DISTINCT course_id) FROM course_scale_plans
      WHERE course_id IN (SELECT entity_id FROM mine WHERE entity = 'course')
    UNION ALL SELECT 'item-9 acknowledgements or entered-in-error marks since', (
      (SELECT count(*) FROM assessment_acknowledgements WHERE assessment_id IN (SELECT entity_id FROM mine WHERE entity = 'phq9'))
      + (SELECT count(*) FROM assessment_entered_in_error WHERE assessment_id IN (SELECT entity_id FROM mine WHERE entity = 'phq9')))
  `.execute(db);
  return found.rows.filter((r) => r.n > 0).map((r) => `${r.n} ${r.what}`);
}

/**
 * Undoes an import as a whole, on the clinic's day it was made: every record it created is deleted
 * (each deletion audited with the record as it was), unless something was added to them since.
 */
export async function undoImport(db: Kysely<DB>, ctx: ActorContext, batchId: number): Promise<ImportBatch> {
  const today = localIsoDate(ctx.now);
  await db.transaction().execute(async (trx) => {
    const batch = await getBatch(trx, batchId, today);
    const { day, moment } = await clinicDateWriters(trx);
    if (batch.undoneAt) throw new ServiceError('conflict', `Import ${batchId} was already undone by ${batch.undoneByName ?? 'someone'} (${moment(batch.undoneAt)}).`);
    if (batch.importedOn !== today) throw new ServiceError('conflict', `Import ${batchId} was made on ${day(batch.importedOn)}: an import can be undone only on the day it was made.`);
    const blocking = await dependents(trx, batchId);
    if (blocking.length > 0) throw new ServiceError('conflict', `Import ${batchId} cannot be undone: ${blocking.join('; ')}. Nothing was changed.`);
    const records = await trx.selectFrom('import_records').select(['entity', 'entity_id']).where('batch_id', '=', batchId).execute();
    const ids = (entity: 'patient' | 'phq9' | 'course') => records.filter((r) => r.entity === entity).map((r) => r.entity_id);
    const reason = `Import ${batchId} (${batch.fileName}) undone`;
    await trx.updateTable('import_batches').set({ undoing: 1 }).where('id', '=', batchId).execute();
    // PHQ-9s live in `assessments` (scale 'phq9') since migration 0017; import_records keeps entity 'phq9'.
    for (const id of ids('phq9')) {
      const before = await getAssessment(trx, id);
      await trx.deleteFrom('assessments').where('id', '=', id).where('scale', '=', 'phq9').execute();
      await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'remove', entity: 'assessment', entityId: id, before, after: null, reason });
    }
    for (const id of ids('course')) {
      const before = await trx.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await trx.deleteFrom('course_authorizations').where('course_id', '=', id).execute();
      await trx.deleteFrom('course_progress').where('course_id', '=', id).execute();
      await trx.deleteFrom('courses').where('id', '=', id).execute();
      await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'remove', entity: 'course', entityId: id, before, after: null, reason });
    }
    for (const id of ids('patient')) {
      const before = await trx.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await trx.deleteFrom('patients').where('id', '=', id).execute();
      await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'remove', entity: 'patient', entityId: id, before, after: null, reason });
    }
    await trx.updateTable('import_batches').set({ undoing: 0, undone_by: ctx.actor.id, undone_at: ctx.now.toISOString() }).where('id', '=', batchId).execute();
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'undo_import', entity: 'import', entityId: batchId, before: null, after: { removed: records.length }, reason });
  });
  return getBatch(db, batchId, today);
}
