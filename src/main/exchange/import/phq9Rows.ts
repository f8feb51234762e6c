import { phq9DifficultyLabels, scorePhq9 } from '../../../shared/clinical';
import { phq9Fields, type Phq9Fields } from '../../../shared/schemas/phq9';
import { recordAudit } from '../../services/audit';
import { checkAssessedOn, getAssessment, insertAssessmentRow } from '../../services/assessments';
import { clinicDateWriters } from '../../services/settings';
import { codeCell, numberCell } from './cells';
import { serviceIssues, zodIssues } from './issues';
import { emptyPlan, type ImportPlanner, patientsByMrn, readDates } from './plan';

const ITEMS = Array.from({ length: 9 }, (_, i) => `item${i + 1}`);

function columnOf(path: string): string | null {
  const [field, index] = path.split('.');
  if (field === 'answers') return index === undefined ? null : (ITEMS[Number(index)] ?? null); // the per-item messages say it
  if (field === 'assessedOn') return 'assessed_on';
  if (field === 'difficulty') return 'difficulty';
  if (field === 'notes') return 'notes';
  return null; // patientId: the MRN is reported on its own
}

/**
 * PHQ-9 history: each row checked by the PHQ-9 schema (`phq9Fields`), scored by `scorePhq9`, and
 * dated by the same check phq9:create makes (not before birth, not in the future, one per patient
 * per day, the file's own rows included). Written as assessments of scale 'phq9' (migration 0017);
 * import_records names them entity 'phq9'.
 */
export const phq9Planner: ImportPlanner<Phq9Fields> = {
  entity: 'phq9',
  async check(db, ctx, { table, reader, dateFormat }) {
    const plan = emptyPlan<Phq9Fields>();
    const patients = await patientsByMrn(db);
    const { day } = await clinicDateWriters(db);
    const seen = new Map<string, number>();
    for (const { row, cells } of table.rows) {
      const cell = (column: string) => reader.cell(cells, column);
      const mrn = cell('mrn');
      const patient = patients.get(mrn.toLowerCase());
      if (!patient) {
        plan.errors.push({ row, column: reader.header('mrn'), message: mrn ? `No patient with MRN ${mrn} in the clinic: import or add the patient first` : 'MRN is required' });
      } else if (patient.archived) {
        plan.errors.push({ row, column: reader.header('mrn'), message: `${patient.name} is archived. Restore the record before adding assessments.` });
      }
      const dates = readDates(row, cell, reader.header, ['assessed_on'], dateFormat);
      plan.errors.push(...dates.problems);
      const difficulty = cell('difficulty');
      const parsed = phq9Fields.safeParse({
        patientId: patient?.id ?? 1,
        assessedOn: dates.values.assessed_on,
        answers: ITEMS.map((item) => numberCell(cell(item))),
        difficulty: difficulty === '' ? null : codeCell(difficulty, phq9DifficultyLabels),
        notes: cell('notes'),
      });
      if (!parsed.success) {
        plan.errors.push(...zodIssues(parsed.error, row, columnOf, reader.header, dates.reported));
        continue;
      }
      if (!patient || patient.archived || dates.problems.length > 0) continue;
      const fields = parsed.data;
      const key = `${patient.id}|${fields.assessedOn}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        plan.errors.push({ row, column: reader.header('assessed_on'), message: `Row ${earlier} of this file is a PHQ-9 of the same patient on ${day(fields.assessedOn)}: one PHQ-9 per patient per day` });
        continue;
      }
      seen.set(key, row);
      try {
        await checkAssessedOn(db, ctx, patient, 'phq9', fields.assessedOn);
      } catch (error) {
        plan.errors.push(...serviceIssues(error, row, () => 'assessed_on', reader.header));
        continue;
      }
      const score = scorePhq9(fields.answers.map((a) => a ?? Number.NaN));
      if (score.item9Positive) {
        plan.warnings.push({ row, column: reader.header('item9'), message: `Item 9 is answered ${fields.answers[8]}: an item-9 alert is raised for this PHQ-9 until a psychiatrist acknowledges it` });
      }
      plan.records.push(fields);
      plan.items.push({
        row, mrn: patient.mrn, patientName: patient.name, date: fields.assessedOn,
        total: score.total, severity: score.severity, protocolName: null, endedOn: null, status: null,
      });
    }
    return plan;
  },
  async insert(trx, ctx, fields, reason) {
    const id = await insertAssessmentRow(trx, ctx, { ...fields, scale: 'phq9' });
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'create', entity: 'assessment', entityId: id, before: null, after: await getAssessment(trx, id), reason });
    return id;
  },
};
