import { type Kysely, type Selectable, sql } from 'kysely';
import type { Patient, PatientFields, PatientSearchResult, PatientSummary } from '../../shared/schemas/patient';
import { preparedQuery } from '../db/preparedQuery';
import { engineOf } from '../db/engines/engine';
import type { DB, PatientsTable } from '../db/schema';
import { recordAudit } from './audit';
import { endOpenCoursesForArchive, lockOpenCourses } from './courses';
import type { ActorContext } from './context';
import { notFound, ServiceError } from './errors';
import { staleEditError } from './staleEdit';

function toPatient(row: Selectable<PatientsTable>): Patient {
  return {
    id: row.id,
    mrn: row.mrn,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    primaryDiagnosis: row.primary_diagnosis,
    referringPsychiatrist: row.referring_psychiatrist,
    notes: row.notes,
    archivedAt: row.archived_at,
    archiveReason: row.archive_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toColumns(fields: PatientFields) {
  return {
    mrn: fields.mrn,
    first_name: fields.firstName,
    last_name: fields.lastName,
    date_of_birth: fields.dateOfBirth,
    sex: fields.sex,
    primary_diagnosis: fields.primaryDiagnosis,
    referring_psychiatrist: fields.referringPsychiatrist,
    notes: fields.notes,
  };
}

/** Escapes LIKE wildcards so a typed % or _ matches itself. */
function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Every word typed must match the first name, last name or MRN (in any order), so
 * "smith jo", "jo smith" and "MRN-0042" all find the patient. An exact MRN comes first.
 */
export async function searchPatients(
  db: Kysely<DB>,
  input: { query: string; includeArchived: boolean; limit: number },
): Promise<PatientSearchResult> {
  const terms = input.query.trim().split(/\s+/).filter(Boolean).slice(0, 6);
  const engine = engineOf(db);
  const base = db
    .selectFrom('patients')
    .$if(!input.includeArchived, (qb) => qb.where('archived_at', 'is', null))
    .$if(terms.length > 0, (qb) =>
      qb.where((eb) =>
        eb.and(
          terms.map((term) => {
            const pattern = likeContains(term);
            return sql<boolean>`(${engine.likeIgnoringCase(sql.ref('last_name'), pattern)} OR ${engine.likeIgnoringCase(sql.ref('first_name'), pattern)} OR ${engine.likeIgnoringCase(sql.ref('mrn'), pattern)})`;
          }),
        ),
      ),
    );
  const exactMrn = input.query.trim();
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'mrn', 'first_name', 'last_name', 'date_of_birth', 'sex', 'primary_diagnosis', 'archived_at'])
      .orderBy(engine.equalsIgnoringCase(sql.ref('mrn'), exactMrn), 'desc')
      .orderBy(engine.ignoringCase(sql.ref('last_name')))
      .orderBy(engine.ignoringCase(sql.ref('first_name')))
      .orderBy('id')
      .limit(input.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: PatientSummary[] = rows.map((r) => ({
    id: r.id,
    mrn: r.mrn,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    primaryDiagnosis: r.primary_diagnosis,
    archivedAt: r.archived_at,
  }));
  return { items, total: count.n };
}

const patientById = preparedQuery((db, id: number) => db.selectFrom('patients').selectAll().where('id', '=', id));

async function findPatient(db: Kysely<DB>, id: number): Promise<Selectable<PatientsTable>> {
  const [row] = await patientById(db, id);
  if (!row) throw notFound('Patient', id);
  return row;
}

export async function getPatient(db: Kysely<DB>, id: number): Promise<Patient> {
  return toPatient(await findPatient(db, id));
}

export async function assertMrnFree(db: Kysely<DB>, mrn: string, exceptId?: number): Promise<void> {
  const clash = await db
    .selectFrom('patients')
    .select(['id', 'first_name', 'last_name', 'archived_at'])
    .where(engineOf(db).equalsIgnoringCase(sql.ref('mrn'), mrn))
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId ?? 0))
    .executeTakeFirst();
  if (clash) {
    const who = `${clash.last_name}, ${clash.first_name}${clash.archived_at ? ' (archived)' : ''}`;
    throw new ServiceError('conflict', `MRN ${mrn} is already used by ${who}.`, {
      mrn: `MRN ${mrn} is already used by ${who}`,
    });
  }
}

async function assertCurrent(db: Kysely<DB>, row: Selectable<PatientsTable>, version: number): Promise<void> {
  if (row.version !== version) throw await staleEditError(db, { entity: 'patient', entityId: row.id, updatedAt: row.updated_at }, `${row.first_name} ${row.last_name}'s record`);
}

export async function createPatient(db: Kysely<DB>, ctx: ActorContext, fields: PatientFields): Promise<Patient> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    await assertMrnFree(trx, fields.mrn);
    const at = ctx.now.toISOString();
    const row = await trx
      .insertInto('patients')
      .values({ ...toColumns(fields), created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toPatient(row);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'create', entity: 'patient', entityId: created.id, before: null, after: created });
    return created;
  });
}

const editableKeys = [
  'mrn',
  'firstName',
  'lastName',
  'dateOfBirth',
  'sex',
  'primaryDiagnosis',
  'referringPsychiatrist',
  'notes',
] as const satisfies readonly (keyof PatientFields)[];

export async function updatePatient(
  db: Kysely<DB>,
  ctx: ActorContext,
  id: number,
  version: number,
  fields: PatientFields,
): Promise<Patient> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    await engineOf(trx).lockRow(trx, 'patients', id);
    const beforeRow = await findPatient(trx, id);
    await assertCurrent(trx, beforeRow, version);
    if (beforeRow.archived_at !== null) {
      throw new ServiceError('conflict', 'This patient is archived. Restore the record before editing it.');
    }
    const before = toPatient(beforeRow);
    if (editableKeys.every((key) => before[key] === fields[key])) return before;
    await assertMrnFree(trx, fields.mrn, id);
    const row = await trx
      .updateTable('patients')
      .set({ ...toColumns(fields), version: beforeRow.version + 1, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toPatient(row);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'update', entity: 'patient', entityId: id, before, after });
    return after;
  });
}

async function setArchived(
  db: Kysely<DB>,
  ctx: ActorContext,
  input: { id: number; version: number },
  archive: { reason: string } | null,
): Promise<Patient> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    await engineOf(trx).lockRow(trx, 'patients', input.id);
    if (archive) await lockOpenCourses(trx, input.id);
    const beforeRow = await findPatient(trx, input.id);
    await assertCurrent(trx, beforeRow, input.version);
    const isArchived = beforeRow.archived_at !== null;
    if (isArchived === (archive !== null)) {
      throw new ServiceError('conflict', isArchived ? 'This patient is already archived.' : 'This patient is not archived.');
    }
    const row = await trx
      .updateTable('patients')
      .set({
        archived_at: archive ? ctx.now.toISOString() : null,
        archive_reason: archive ? archive.reason : null,
        version: beforeRow.version + 1,
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toPatient(row);
    await recordAudit(trx, ctx, {
      staffId: actor.id,
      action: archive ? 'archive' : 'restore',
      entity: 'patient',
      entityId: input.id,
      before: toPatient(beforeRow),
      after,
      reason: archive?.reason ?? null,
    });
    // An archived patient leaves the today list: their open courses end with the archive, so no
    // treatment goes on unseen. Restoring does not reopen them (a new course is prescribed).
    if (archive) await endOpenCoursesForArchive(trx, ctx, input.id, archive.reason);
    return after;
  });
}

export function archivePatient(
  db: Kysely<DB>,
  ctx: ActorContext,
  input: { id: number; version: number; reason: string },
): Promise<Patient> {
  return setArchived(db, ctx, input, { reason: input.reason });
}

export function restorePatient(db: Kysely<DB>, ctx: ActorContext, input: { id: number; version: number }): Promise<Patient> {
  return setArchived(db, ctx, input, null);
}
