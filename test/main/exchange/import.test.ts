import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { scorePhq9 } from '../../../src/shared/clinical';
import type { ImportInput } from '../../../src/shared/schemas/import';
import { refuseInsertsInto } from '../../support/failingWrite';
import { firstAccount, ok, tempDatabase, TEST_ENGINE, TEST_PASSWORD } from '../../support/tempDatabase';

// Local noon: the clinic's day is the same in every time zone the suite runs in.
const DAY = { now: new Date('2026-05-01T12:00:00') };
const NEXT_DAY = { now: new Date('2026-05-02T12:00:00') };

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const PATIENT_HEADER = 'mrn,first_name,last_name,date_of_birth,sex,primary_diagnosis,referring_psychiatrist,notes';

async function clinic() {
  const env = await tempDatabase();
  ok(await env.dispatch('staff:createFirst', firstAccount(), { ...DAY, staffId: null }));
  const counts = async () => {
    const n = async (table: 'patients' | 'assessments' | 'courses' | 'audit_log' | 'import_batches') =>
      Number((await env.db.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { patients: await n('patients'), phq9: await n('assessments'), courses: await n('courses'), audit: await n('audit_log'), batches: await n('import_batches') };
  };
  const request = (kind: ImportInput['kind'], text: string, extra: Partial<ImportInput> = {}): ImportInput => ({ kind, fileName: `${kind}.csv`, csv: text, ...extra });
  return { ...env, counts, request };
}

describe('CSV import: dry run, confirm, undo (through dispatch)', { timeout: 120_000 }, () => {
  it('lists every row error (row, column, message) and writes nothing; the fixed file imports in one audited batch', async () => {
    const c = await clinic();
    const bad = c.request('patients', csv(
      PATIENT_HEADER,
      'A-100,Ada,Lovelace,1980-12-10,female,F33.2,,',
      'A-101,,Turing,1954-06-23,male,F33.1,,',
      'A 102,Grace,Hopper,1906-12-09,F,F32.2,,',
      'A-103,Edsger,Dijkstra,2030-01-01,male,F33.2,,',
      'A-100,Alan,Kay,1940-05-17,male,depression,,',
      '',
      'A-105,Barbara,Liskov,1939-11-07,x,F33.2,Dr. Who,fine',
    ));
    const before = await c.counts();
    const check = ok(await c.dispatch('import:check', bad, DAY));
    expect(check.rows).toBe(6);
    expect(check.errors).toEqual([
      { row: 3, column: 'first_name', message: 'First name is required' },
      { row: 4, column: 'mrn', message: 'MRN may contain only letters, digits and hyphens' },
      { row: 5, column: 'date_of_birth', message: 'This date cannot be in the future' },
      { row: 6, column: 'primary_diagnosis', message: 'Enter an ICD-10 code such as F33.2' },
      { row: 8, column: 'sex', message: 'Choose the sex recorded for this patient' },
    ]);
    expect(check.items.map((i) => [i.row, i.mrn, i.patientName])).toEqual([[2, 'A-100', 'LOVELACE, Ada']]);
    expect(await c.counts()).toEqual(before);

    const refused = await c.dispatch('import:commit', bad, DAY);
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'invalid_input', message: 'The file has 5 problems: nothing was imported. Check it again and fix them first.' });
    expect(await c.counts()).toEqual(before);

    const fixed = c.request('patients', csv(
      PATIENT_HEADER,
      'A-100,Ada,Lovelace,1980-12-10,female,F33.2,,',
      'A-101,Alan,Turing,1954-06-23,male,F33.1,,',
      'A-102,Grace,Hopper,1906-12-09,F,F32.2,,',
      'A-103,Edsger,Dijkstra,1930-05-11,male,F33.2,,',
      'A-104,Alan,Kay,1940-05-17,M,f33.2,,',
      'A-105,Barbara,Liskov,1939-11-07,female,F33.2,Dr. Who,"Notes, with a comma"',
    ));
    expect(ok(await c.dispatch('import:check', fixed, DAY)).errors).toEqual([]);
    const batch = ok(await c.dispatch('import:commit', fixed, DAY));
    expect(batch).toMatchObject({ kind: 'patients', fileName: 'patients.csv', rows: 6, created: 6, importedByName: 'Dr. Maya Patel', importedOn: '2026-05-01', canUndo: true, undoneAt: null });
    expect(await c.counts()).toEqual({ ...before, patients: 6, audit: before.audit + 7, batches: 1 });
    const kay = ok(await c.dispatch('patients:search', { query: 'A-104' }, DAY)).items[0];
    expect(kay).toMatchObject({ firstName: 'Alan', lastName: 'Kay', sex: 'male', primaryDiagnosis: 'F33.2' });
    const history = ok(await c.dispatch('audit:list', { entity: 'patient', entityId: kay?.id ?? 0 }, DAY));
    expect(history.map((h) => [h.action, h.reason])).toEqual([['create', `Imported from patients.csv (import ${batch.id})`]]);
    // The same file again: every MRN is now taken, with the patient named.
    const again = ok(await c.dispatch('import:check', fixed, DAY));
    expect(again.errors).toHaveLength(6);
    expect(again.errors[0]).toEqual({ row: 2, column: 'mrn', message: 'MRN A-100 is already used by Lovelace, Ada' });
  });

  it('maps other layouts: chosen columns, names matched loosely, dates in the file\'s format; a missing required column is one header error', async () => {
    const c = await clinic();
    const text = csv('Patient ID,First Name,Surname,DOB,Gender,Dx,Extra', 'B-1,Ada,Lovelace,12/25/1980,female,F33.2,x');
    const noMapping = ok(await c.dispatch('import:check', c.request('patients', text), DAY));
    expect(noMapping.mapping).toMatchObject({ first_name: 'First Name', mrn: null, last_name: null, notes: null });
    expect(noMapping.errors.map((e) => [e.row, e.column])).toEqual([[1, 'mrn'], [1, 'last_name'], [1, 'date_of_birth'], [1, 'sex'], [1, 'primary_diagnosis']]);
    expect(noMapping.headers).toEqual(['Patient ID', 'First Name', 'Surname', 'DOB', 'Gender', 'Dx', 'Extra']);

    const mapping = { mrn: 'Patient ID', last_name: 'Surname', date_of_birth: 'DOB', sex: 'Gender', primary_diagnosis: 'Dx' };
    const mapped = ok(await c.dispatch('import:check', c.request('patients', text, { mapping, dateFormat: 'MM/dd/yyyy' }), DAY));
    expect(mapped.errors).toEqual([]);
    expect(mapped.items[0]).toMatchObject({ mrn: 'B-1', date: '1980-12-25' });
    const dmy = ok(await c.dispatch('import:check', c.request('patients', text, { mapping, dateFormat: 'dd/MM/yyyy' }), DAY));
    expect(dmy.errors).toEqual([{ row: 2, column: 'DOB', message: 'Enter a real date as DD/MM/YYYY' }]);
    expect(dmy.dateFormat).toBe('dd/MM/yyyy');
    const wrong = ok(await c.dispatch('import:check', c.request('patients', text, { mapping: { ...mapping, sex: 'Sex' } }), DAY));
    expect(wrong.errors).toEqual([{ row: 1, column: 'Sex', message: 'The file has no column "Sex" (chosen for sex)' }]);
  });

  it('imports PHQ-9 history scored by the shared rule, with each row\'s problems and item-9 answers named first', async () => {
    const c = await clinic();
    ok(await c.dispatch('import:commit', c.request('patients', csv(PATIENT_HEADER, 'P-1,Ada,Lovelace,1980-12-10,female,F33.2,,')), DAY));
    const patient = ok(await c.dispatch('patients:search', { query: 'P-1' }, DAY)).items[0];
    ok(await c.dispatch('phq9:create', { patientId: patient?.id, assessedOn: '2026-04-01', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0], difficulty: null }, DAY));
    const header = 'mrn,assessed_on,item1,item2,item3,item4,item5,item6,item7,item8,item9,difficulty,notes';
    const file = c.request('phq9', csv(
      header,
      'P-1,2026-03-02,3,3,2,2,2,2,1,1,1,Very difficult,baseline',
      'P-1,2026-03-09,2,2,,2,1,1,1,1,0,,',
      'P-1,2026-03-16,2,2,4,2,1,1,1,1,0,,',
      'P-1,2026-03-02,1,1,1,1,1,1,1,1,0,,',
      'P-1,2026-04-01,1,1,1,1,1,1,1,1,0,,',
      'P-9,2026-03-23,1,1,1,1,1,1,1,1,0,,',
      'P-1,2026-03-30,1,1,1,1,1,1,1,1,0,often,',
      'P-1,1970-01-01,1,1,1,1,1,1,1,1,0,,',
    ));
    const check = ok(await c.dispatch('import:check', file, DAY));
    expect(check.errors).toEqual([
      { row: 3, column: 'item3', message: 'Answer item 3' },
      { row: 4, column: 'item3', message: 'Answers are 0–3' },
      { row: 5, column: 'assessed_on', message: 'Row 2 of this file is a PHQ-9 of the same patient on 2 Mar 2026: one PHQ-9 per patient per day' },
      { row: 6, column: 'assessed_on', message: expect.stringContaining('A PHQ-9 is already recorded for 1 Apr 2026 (total 8') },
      { row: 7, column: 'mrn', message: 'No patient with MRN P-9 in the clinic: import or add the patient first' },
      { row: 8, column: 'difficulty', message: expect.stringContaining('Invalid option') },
      { row: 9, column: 'assessed_on', message: "This date is before the patient's date of birth (10 Dec 1980)." },
    ]);
    expect(check.warnings).toEqual([{ row: 2, column: 'item9', message: 'Item 9 is answered 1: an item-9 alert is raised for this PHQ-9 until a psychiatrist acknowledges it' }]);
    const good = c.request('phq9', csv(header, 'P-1,03/02/2026,3,3,2,2,2,2,1,1,1,Very difficult,baseline', 'P-1,03/16/2026,1,1,1,1,0,0,0,0,0,not_difficult,'), { dateFormat: 'MM/dd/yyyy' });
    const dry = ok(await c.dispatch('import:check', good, DAY));
    expect(dry.items.map((i) => [i.date, i.total, i.severity])).toEqual([
      ['2026-03-02', scorePhq9([3, 3, 2, 2, 2, 2, 1, 1, 1]).total, 'moderately_severe'],
      ['2026-03-16', 4, 'minimal'],
    ]);
    ok(await c.dispatch('import:commit', good, DAY));
    const list = ok(await c.dispatch('phq9:listForPatient', { patientId: patient?.id ?? 0 }, DAY));
    expect(list.map((a) => [a.assessedOn, a.total, a.difficulty, a.enteredByName])).toEqual([
      ['2026-03-02', 17, 'very', 'Dr. Maya Patel'], ['2026-03-16', 4, 'not_difficult', 'Dr. Maya Patel'], ['2026-04-01', 8, null, 'Dr. Maya Patel'],
    ]);
    expect(ok(await c.dispatch('phq9:openAlerts', {}, DAY)).map((a) => a.assessment.assessedOn)).toEqual(['2026-03-02']);
  });

  it('imports past courses with the named protocol\'s parameters, checked by the course schemas', async () => {
    const c = await clinic();
    ok(await c.dispatch('import:commit', c.request('patients', csv(PATIENT_HEADER, 'C-1,Ada,Lovelace,1980-12-10,female,F33.2,,', 'C-2,Alan,Turing,1954-06-23,male,F33.1,,')), DAY));
    const protocols = ok(await c.dispatch('protocols:list', {}, DAY));
    const tenHz = protocols.find((p) => p.frequencyHz === 10 && p.pattern === 'rtms');
    const itbs = protocols.find((p) => p.pattern === 'theta_burst' && p.sessionsPerDay === 1);
    if (!tenHz || !itbs) throw new Error('seeded protocols missing');
    const header = 'mrn,protocol,start_date,end_date,status,prescriber,planned_sessions,authorized_sessions,reason,notes';
    const check = ok(await c.dispatch('import:check', c.request('courses', csv(
      header,
      `C-1,"${tenHz.name}",2024-01-08,2024-02-23,completed,maya.patel,36,36,,Remitted`,
      `C-2,"${itbs.name}",2025-03-03,2025-03-20,Discontinued,maya.patel,,,,`,
      'C-2,Magic coil,2025-03-03,2025-03-20,completed,maya.patel,,,,',
      `C-2,"${itbs.name}",2025-03-03,2025-03-01,completed,maya.patel,,,,`,
      `C-2,"${itbs.name}",2025-03-03,2025-03-20,completed,nobody,500,,,`,
    )), DAY));
    expect(check.errors).toEqual([
      { row: 3, column: 'reason', message: 'Say why the course is discontinued' },
      { row: 4, column: 'protocol', message: 'No protocol named "Magic coil" in the protocol library' },
      { row: 5, column: 'end_date', message: 'The end date is before the course started (3 Mar 2025)' },
      { row: 6, column: 'prescriber', message: 'No psychiatrist with the username nobody' },
      { row: 6, column: 'planned_sessions', message: 'Planned sessions must be at most 200' },
    ]);
    const batch = ok(await c.dispatch('import:commit', c.request('courses', csv(
      header,
      `C-1,"${tenHz.name}",2024-01-08,2024-02-23,completed,maya.patel,36,36,,Remitted`,
      `C-2,"${itbs.name}",2025-03-03,2025-03-20,Discontinued,maya.patel,,,Moved away,`,
    )), DAY));
    expect(batch.created).toBe(2);
    const patientId = ok(await c.dispatch('patients:search', { query: 'C-2' }, DAY)).items[0]?.id ?? 0;
    const [summary] = ok(await c.dispatch('courses:listForPatient', { patientId }, DAY));
    const detail = ok(await c.dispatch('courses:get', { id: summary?.id ?? 0 }, DAY));
    expect(detail.course).toMatchObject({
      protocolName: itbs.name, status: 'discontinued', statusReason: 'Moved away', startDate: '2025-03-03', endedOn: '2025-03-20',
      pattern: 'theta_burst', trains: itbs.trains, plannedSessions: itbs.defaultPlannedSessions, prescriberName: 'Dr. Maya Patel',
    });
    // A past course does not stop a new one from being prescribed.
    ok(await c.dispatch('courses:prescribe', {
      patientId, protocolId: tenHz.id, target: tenHz.target, coil: tenHz.coil, pattern: 'rtms', intensityPctMt: 120, frequencyHz: 10, burstFrequencyHz: null, pulsesPerBurst: null,
      trainDurationS: 4, interTrainIntervalS: 26, trains: 75, sessionsPerDay: 1, plannedSessions: 36, schedule: '', authorizedSessions: 30, startDate: '2026-05-04',
    }, DAY));
  });

  it('undoes an import as a whole the same day, audited; refuses the next day, twice, or when records were added to it', async () => {
    const c = await clinic();
    const file = (mrn: string) => c.request('patients', csv(PATIENT_HEADER, `${mrn}-1,Ada,Lovelace,1980-12-10,female,F33.2,,`, `${mrn}-2,Alan,Turing,1954-06-23,male,F33.1,,`));
    const before = await c.counts();
    const first = ok(await c.dispatch('import:commit', file('U'), DAY));
    const ada = ok(await c.dispatch('patients:search', { query: 'U-1' }, DAY)).items[0]?.id ?? 0;
    ok(await c.dispatch('patients:get', { id: ada }, DAY));
    const undone = ok(await c.dispatch('import:undo', { batchId: first.id }, DAY));
    expect(undone).toMatchObject({ undoneByName: 'Dr. Maya Patel', canUndo: false, created: 2 });
    const after = await c.counts();
    expect(after).toMatchObject({ patients: before.patients, batches: 1 });
    const removed = await c.db.selectFrom('audit_log').select(['action', 'entity', 'reason', 'before_json']).where('action', 'in', ['remove', 'undo_import']).orderBy('id').execute();
    expect(removed.map((r) => [r.action, r.entity])).toEqual([['remove', 'patient'], ['remove', 'patient'], ['undo_import', 'import']]);
    expect(JSON.parse(removed[0]?.before_json ?? '{}')).toMatchObject({ mrn: 'U-1', last_name: 'Lovelace' });
    // No row left pointing at a removed patient (PostgreSQL checks its foreign keys at every statement).
    if (TEST_ENGINE === 'sqlite') expect((await sql<{ ok: string }>`PRAGMA foreign_key_check`.execute(c.db)).rows).toEqual([]);

    const twice = await c.dispatch('import:undo', { batchId: first.id }, DAY);
    expect(twice.ok ? null : twice.error.message).toMatch(/^Import 1 was already undone by Dr. Maya Patel/);

    // The ids are free again: a new patient that takes one starts with its own history.
    const newcomer = ok(await c.dispatch('patients:create', { mrn: 'N-1', firstName: 'Nia', lastName: 'New', dateOfBirth: '1990-01-01', sex: 'female', primaryDiagnosis: 'F33.1' }, DAY));
    expect(ok(await c.dispatch('audit:list', { entity: 'patient', entityId: newcomer.id }, DAY)).map((h) => h.action)).toEqual(['create']);

    const second = ok(await c.dispatch('import:commit', file('V'), DAY));
    const nextDay = await c.dispatch('import:undo', { batchId: second.id }, NEXT_DAY);
    expect(nextDay.ok ? null : nextDay.error).toMatchObject({ code: 'conflict', message: `Import ${second.id} was made on 1 May 2026: an import can be undone only on the day it was made.` });
    expect(ok(await c.dispatch('import:list', {}, NEXT_DAY)).map((b) => [b.id, b.canUndo])).toEqual([[second.id, false], [first.id, false]]);

    const third = ok(await c.dispatch('import:commit', file('W'), DAY));
    const w1 = ok(await c.dispatch('patients:search', { query: 'W-1' }, DAY)).items[0]?.id ?? 0;
    ok(await c.dispatch('phq9:create', { patientId: w1, assessedOn: '2026-04-30', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0], difficulty: null }, DAY));
    const kept = await c.counts();
    const blocked = await c.dispatch('import:undo', { batchId: third.id }, DAY);
    expect(blocked.ok ? null : blocked.error.message).toBe(`Import ${third.id} cannot be undone: 1 assessments entered since. Nothing was changed.`);
    expect(await c.counts()).toEqual(kept);
    expect(ok(await c.dispatch('import:list', {}, DAY))[0]).toMatchObject({ id: third.id, canUndo: true });
  });

  it('is one transaction: a failure on the last record leaves nothing of the import', async () => {
    const c = await clinic();
    await refuseInsertsInto(c.db, 'patients', 'disk trouble', "NEW.mrn = 'T-3'");
    const before = await c.counts();
    const result = await c.dispatch('import:commit', c.request('patients', csv(PATIENT_HEADER, 'T-1,A,B,1980-01-01,female,F33.2,,', 'T-2,C,D,1980-01-01,male,F33.2,,', 'T-3,E,F,1980-01-01,male,F33.2,,')), DAY);
    expect(result.ok).toBe(false);
    expect(await c.counts()).toEqual(before);
  });

  it('refuses technicians and anyone not signed in', async () => {
    const c = await clinic();
    const tech = ok(await c.dispatch('staff:create', { name: 'Sam Okafor', username: 'sam', role: 'technician' }, DAY)).staff.id;
    const input = c.request('patients', csv(PATIENT_HEADER));
    const asTech = await c.dispatch('import:check', input, { ...DAY, staffId: tech });
    expect(asTech.ok ? null : asTech.error.code).toBe('forbidden');
    const nobody = await c.dispatch('import:commit', input, { ...DAY, staffId: null });
    expect(nobody.ok ? null : nobody.error.code).toBe('unauthenticated');
    expect(TEST_PASSWORD).toBeTruthy();
  });
});
