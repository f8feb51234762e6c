import { patientFields, type PatientFields } from '../../../shared/schemas/patient';
import { recordAudit } from '../../services/audit';
import { assertMrnFree, getPatient } from '../../services/patients';
import { codeCell } from './cells';
import { serviceIssues, zodIssues } from './issues';
import { emptyPlan, type ImportPlanner, readDates } from './plan';
import { sexLabels } from '../../../shared/schemas/patient';

const FIELD_COLUMNS: Record<keyof PatientFields, string> = {
  mrn: 'mrn', firstName: 'first_name', lastName: 'last_name', dateOfBirth: 'date_of_birth', sex: 'sex',
  primaryDiagnosis: 'primary_diagnosis', referringPsychiatrist: 'referring_psychiatrist', notes: 'notes',
};
const columnOf = (path: string) => FIELD_COLUMNS[path.split('.')[0] as keyof PatientFields] ?? null;

/** Patients: each row checked by the patient schema (`patientFields`) and the MRN check patients:create makes. */
export const patientPlanner: ImportPlanner<PatientFields> = {
  entity: 'patient',
  async check(db, _ctx, { table, reader, dateFormat }) {
    const plan = emptyPlan<PatientFields>();
    const seen = new Map<string, number>();
    for (const { row, cells } of table.rows) {
      const cell = (column: string) => reader.cell(cells, column);
      const dates = readDates(row, cell, reader.header, ['date_of_birth'], dateFormat);
      plan.errors.push(...dates.problems);
      const parsed = patientFields.safeParse({
        mrn: cell('mrn'), firstName: cell('first_name'), lastName: cell('last_name'),
        dateOfBirth: dates.values.date_of_birth,
        sex: codeCell(cell('sex'), sexLabels, { f: 'female', m: 'male' }),
        primaryDiagnosis: cell('primary_diagnosis'), referringPsychiatrist: cell('referring_psychiatrist'), notes: cell('notes'),
      });
      if (!parsed.success || dates.problems.length > 0) {
        if (!parsed.success) plan.errors.push(...zodIssues(parsed.error, row, columnOf, reader.header, dates.reported));
        continue;
      }
      const fields = parsed.data;
      const earlier = seen.get(fields.mrn.toLowerCase());
      if (earlier !== undefined) {
        plan.errors.push({ row, column: reader.header('mrn'), message: `MRN ${fields.mrn} is also on row ${earlier} of this file` });
        continue;
      }
      seen.set(fields.mrn.toLowerCase(), row);
      try {
        await assertMrnFree(db, fields.mrn);
      } catch (error) {
        plan.errors.push(...serviceIssues(error, row, (f) => FIELD_COLUMNS[f as keyof PatientFields] ?? f, reader.header));
        continue;
      }
      plan.records.push(fields);
      plan.items.push({
        row, mrn: fields.mrn, patientName: `${fields.lastName.toUpperCase()}, ${fields.firstName}`, date: fields.dateOfBirth,
        total: null, severity: null, protocolName: null, endedOn: null, status: null,
      });
    }
    return plan;
  },
  async insert(trx, ctx, fields, reason) {
    const at = ctx.now.toISOString();
    const { id } = await trx
      .insertInto('patients')
      .values({
        mrn: fields.mrn, first_name: fields.firstName, last_name: fields.lastName, date_of_birth: fields.dateOfBirth, sex: fields.sex,
        primary_diagnosis: fields.primaryDiagnosis, referring_psychiatrist: fields.referringPsychiatrist, notes: fields.notes, created_at: at, updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'create', entity: 'patient', entityId: id, before: null, after: await getPatient(trx, id), reason });
    return id;
  },
};
