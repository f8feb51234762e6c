import { courseSetStatusInput, courseStatusLabels, prescriptionFields, type PrescriptionFields } from '../../../shared/schemas/course';
import type { Protocol } from '../../../shared/schemas/protocol';
import { recordAudit } from '../../services/audit';
import { getCourse, prescriptionColumns } from '../../services/courses';
import { listProtocols } from '../../services/protocols';
import { clinicDateWriters } from '../../services/settings';
import { codeCell, numberCell } from './cells';
import { zodIssues } from './issues';
import { emptyPlan, type ImportPlanner, patientsByMrn, readDates } from './plan';

export interface PastCourse {
  prescription: PrescriptionFields;
  protocol: Protocol;
  prescriberId: number;
  status: 'completed' | 'discontinued';
  endedOn: string;
  reason: string;
}

const PRESCRIPTION_COLUMNS: Record<string, string | null> = {
  patientId: null, protocolId: null, startDate: 'start_date', plannedSessions: 'planned_sessions',
  authorizedSessions: 'authorized_sessions', notes: 'notes',
};
/** The stimulation fields come from the protocol: a problem with them is the protocol's. */
const prescriptionColumn = (path: string) => {
  const field = path.split('.')[0] ?? '';
  return field in PRESCRIPTION_COLUMNS ? (PRESCRIPTION_COLUMNS[field] ?? null) : 'protocol';
};
const endingColumn = (path: string) => ({ status: 'status', on: 'end_date', reason: 'reason' })[path] ?? null;

const ENDED = { completed: courseStatusLabels.completed, discontinued: courseStatusLabels.discontinued };

/** The protocol a name stands for: the current revision of that name, else its latest. */
function protocolsByName(protocols: Protocol[]): Map<string, Protocol> {
  const byName = new Map<string, Protocol>();
  for (const p of protocols) {
    const key = p.name.trim().toLowerCase();
    const known = byName.get(key);
    if (!known || (p.status === 'current' && known.status !== 'current') || (known.status !== 'current' && p.revision > known.revision)) byName.set(key, p);
  }
  return byName;
}

/**
 * Past courses (completed or discontinued): the prescription is the named protocol's parameters
 * with the row's dates and counts, checked by the course schema (`prescriptionFields`), and the
 * ending by the schema courses:end uses (`courseSetStatusInput`). Sessions are not imported.
 */
export const coursePlanner: ImportPlanner<PastCourse> = {
  entity: 'course',
  async check(db, _ctx, { table, reader, dateFormat }) {
    const plan = emptyPlan<PastCourse>();
    const patients = await patientsByMrn(db);
    const { day } = await clinicDateWriters(db);
    const protocols = protocolsByName(await listProtocols(db, true));
    const psychiatrists = new Map(
      (await db.selectFrom('staff').select(['id', 'username']).where('role', '=', 'psychiatrist').where('username', 'is not', null).execute())
        .map((s) => [(s.username ?? '').toLowerCase(), s.id]),
    );
    for (const { row, cells } of table.rows) {
      const cell = (column: string) => reader.cell(cells, column);
      const before = plan.errors.length;
      const dates = readDates(row, cell, reader.header, ['start_date', 'end_date'], dateFormat);
      plan.errors.push(...dates.problems);
      const mrn = cell('mrn');
      const patient = patients.get(mrn.toLowerCase());
      if (!patient) plan.errors.push({ row, column: reader.header('mrn'), message: mrn ? `No patient with MRN ${mrn} in the clinic: import or add the patient first` : 'MRN is required' });
      else if (patient.archived) plan.errors.push({ row, column: reader.header('mrn'), message: `${patient.name} is archived. Restore the record before prescribing.` });
      const protocolName = cell('protocol');
      const protocol = protocols.get(protocolName.toLowerCase());
      if (!protocol) plan.errors.push({ row, column: reader.header('protocol'), message: protocolName ? `No protocol named "${protocolName}" in the protocol library` : 'Protocol is required' });
      const username = cell('prescriber');
      const prescriberId = psychiatrists.get(username.toLowerCase());
      if (prescriberId === undefined) plan.errors.push({ row, column: reader.header('prescriber'), message: username ? `No psychiatrist with the username ${username}` : 'Prescriber is required' });
      const prescription = prescriptionFields.safeParse({
        patientId: patient?.id ?? 1,
        protocolId: protocol?.id ?? 1,
        target: protocol?.target,
        coil: protocol?.coil,
        pattern: protocol?.pattern,
        intensityPctMt: protocol?.intensityPctMt,
        frequencyHz: protocol?.frequencyHz,
        burstFrequencyHz: protocol?.burstFrequencyHz ?? null,
        pulsesPerBurst: protocol?.pulsesPerBurst ?? null,
        trainDurationS: protocol?.trainDurationS,
        interTrainIntervalS: protocol?.interTrainIntervalS,
        trains: protocol?.trains,
        safetyOverrideReason: protocol?.safetyOverrideReason ?? '',
        sessionsPerDay: protocol?.sessionsPerDay,
        plannedSessions: numberCell(cell('planned_sessions')) ?? protocol?.defaultPlannedSessions,
        schedule: '',
        authorizedSessions: numberCell(cell('authorized_sessions')) ?? 0,
        authorizationReference: '',
        startDate: dates.values.start_date,
        notes: cell('notes'),
      });
      if (!prescription.success && protocol) plan.errors.push(...zodIssues(prescription.error, row, prescriptionColumn, reader.header, dates.reported));
      // The ending is checked as courses:end checks it (the course id and version are not the file's).
      const ending = courseSetStatusInput.safeParse({ courseId: 1, version: 0, status: codeCell(cell('status'), ENDED), on: dates.values.end_date, reason: cell('reason') });
      if (!ending.success) plan.errors.push(...zodIssues(ending.error, row, endingColumn, reader.header, dates.reported));
      if (plan.errors.length > before || !prescription.success || !ending.success || !patient || !protocol || prescriberId === undefined) continue;
      if (ending.data.on < prescription.data.startDate) {
        plan.errors.push({ row, column: reader.header('end_date'), message: `The end date is before the course started (${day(prescription.data.startDate)})` });
        continue;
      }
      plan.records.push({ prescription: prescription.data, protocol, prescriberId, status: ending.data.status, endedOn: ending.data.on, reason: ending.data.reason });
      plan.items.push({
        row, mrn: patient.mrn, patientName: patient.name, date: prescription.data.startDate,
        total: null, severity: null, protocolName: protocol.name, endedOn: ending.data.on, status: ending.data.status,
      });
    }
    return plan;
  },
  async insert(trx, ctx, course, reason) {
    const at = ctx.now.toISOString();
    const { prescription: fields, protocol } = course;
    const { id } = await trx
      .insertInto('courses')
      .values({ ...prescriptionColumns(fields, protocol, course.prescriberId, at), status: course.status, status_reason: course.reason || null, ended_on: course.endedOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('course_authorizations')
      .values({ course_id: id, authorized_sessions: fields.authorizedSessions, reference: '', note: 'Imported', recorded_by: ctx.actor.id, recorded_at: at })
      .execute();
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'create', entity: 'course', entityId: id, before: null, after: await getCourse(trx, id), reason });
    return id;
  },
};
