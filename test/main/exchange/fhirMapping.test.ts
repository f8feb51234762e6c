import { describe, expect, it } from 'vitest';
import { ResourceIds } from '../../../src/main/exchange/fhir/ids';
import { type AntidepressantTrial, trialMedicationStatement } from '../../../src/main/exchange/fhir/medications';
import { assessmentObservations, type ExportAssessment } from '../../../src/main/exchange/fhir/observations';
import { SCALE_CODES } from '../../../src/main/exchange/fhir/scaleCodes';
import { FHIR_SCHEMA_ID, validateBundle, validateResource } from '../../../tools/fhir/validate';

const ids = new ResourceIds('mrn:TEST-1');
const subject = ids.ref('Patient', 1);

describe('the FHIR R4 validator the tests use', () => {
  it('is the official R4 (4.0) JSON schema', () => {
    expect(FHIR_SCHEMA_ID).toBe('http://hl7.org/fhir/json-schema/4.0');
  });

  it.each([
    ['a status outside the required value set', { resourceType: 'Observation', id: 'a', status: 'done', code: { text: 'x' } }, '.status'],
    ['an element R4 does not have', { resourceType: 'Observation', id: 'a', status: 'final', code: { text: 'x' }, score: 3 }, '.'],
    ['a missing required element (Observation.code)', { resourceType: 'Observation', id: 'a', status: 'final' }, '.'],
    ['a time without a time zone', { resourceType: 'Procedure', id: 'a', status: 'completed', subject, performedDateTime: '2026-03-02T09:00:00' }, '.performedDateTime'],
    ['an impossible date', { resourceType: 'Patient', id: 'a', birthDate: '1978-13-45' }, '.birthDate'],
    ['a gender FHIR does not know', { resourceType: 'Patient', id: 'a', gender: 'F' }, '.gender'],
    ['a code with leading space', { resourceType: 'Condition', id: 'a', subject, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: ' F33.2' }] } }, '.code.coding[0].code'],
    ['an unknown resource type', { resourceType: 'Course', id: 'a' }, '.resourceType'],
  ])('rejects %s', (_what, resource, path) => {
    const issues = validateResource(resource);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.path)).toContain(path);
  });

  it('rejects a Bundle with one bad entry and names that entry', () => {
    const good = { resourceType: 'Patient', id: 'p', gender: 'female' };
    const bad = { resourceType: 'Observation', id: 'o', status: 'final', code: { text: 'x' }, effectiveDateTime: '2026-03-02T09:00' };
    const issues = validateBundle({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:1', resource: good }, { fullUrl: 'urn:uuid:2', resource: bad }] } as never);
    expect(issues.map((i) => i.path)).toEqual(['.entry[1].resource.effectiveDateTime']);
    expect(validateBundle({ resourceType: 'Bundle', type: 'pile', entry: [] } as never).map((i) => i.path)).toEqual(['.type']);
  });
});

const trial = (over: Partial<AntidepressantTrial>): AntidepressantTrial => ({
  id: 7, drug: 'Sertraline', drugClass: 'SSRI', dose: '150 mg daily', startedOn: '2024-01-10', endedOn: '2024-04-02', adequate: true, outcome: 'no_response', ...over,
});

describe('antidepressant trials as MedicationStatement', () => {
  it('maps an ended trial to a stopped statement with its outcome, period, dose and adequacy', () => {
    const statement = trialMedicationStatement(trial({ outcome: 'intolerable', outcomeNote: 'Nausea and insomnia', adequate: false }), subject, ids);
    expect(validateResource(statement)).toEqual([]);
    expect(statement).toMatchObject({
      status: 'stopped',
      statusReason: [{ coding: [{ code: 'intolerable', display: 'Intolerable side effects' }] }],
      medicationCodeableConcept: { text: 'Sertraline', coding: [{ code: 'SSRI' }] },
      effectivePeriod: { start: '2024-01-10', end: '2024-04-02' },
      dosage: [{ text: '150 mg daily' }],
      subject,
    });
    expect(statement.note?.[0]?.text).toBe('Adequate dose and duration: no. Outcome: Intolerable side effects. Nausea and insomnia');
  });

  it.each(['no_response', 'partial', 'intolerable', 'other'] as const)('keeps outcome %s valid R4', (outcome) => {
    expect(validateResource(trialMedicationStatement(trial({ outcome }), subject, ids))).toEqual([]);
  });

  it('maps an ongoing trial to an active statement with an open period and no stop reason', () => {
    const statement = trialMedicationStatement(trial({ endedOn: null, drug: 'Bupropion XL', drugClass: 'NDRI' }), subject, ids);
    expect(validateResource(statement)).toEqual([]);
    expect(statement.status).toBe('active');
    expect(statement.statusReason).toBeUndefined();
    expect(statement.effectivePeriod).toEqual({ start: '2024-01-10' });
    expect(statement.id).not.toBe(trialMedicationStatement(trial({ id: 8 }), subject, ids).id);
  });
});

const assessment = (over: Partial<ExportAssessment>): ExportAssessment => ({
  id: 1, scale: 'phq9', assessedOn: '2026-03-02', answers: [3, 2, 2, 2, 1, 2, 1, 1, 1], total: 15, severityLabel: 'Moderately severe', enteredInError: false, ...over,
});

describe('assessments as Observations (mapping keyed by scale)', () => {
  it('PHQ-9: panel, nine items with LOINC answer codes and scores, total and the difficulty answer', () => {
    const [panel, ...members] = assessmentObservations(assessment({ difficulty: 'very' }), subject, ids);
    expect(panel?.code.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '44249-1' });
    expect(members.map((m) => m.code.coding?.[0]?.code)).toEqual([...SCALE_CODES.phq9.items.map((i) => i.code), '44261-6', '69722-7']);
    expect(members[0]?.valueCodeableConcept?.coding?.[0]).toMatchObject({ code: 'LA6571-9', extension: [{ valueDecimal: 3 }] });
    expect(members[4]?.valueCodeableConcept?.coding?.[0]?.code).toBe('LA6569-3');
    expect(members[9]).toMatchObject({ valueInteger: 15, interpretation: [{ text: 'Moderately severe' }] });
    expect(members[10]?.valueCodeableConcept?.coding?.[0]?.code).toBe('LA6575-0');
    expect(panel?.hasMember).toHaveLength(11);
    for (const o of [panel, ...members]) expect(validateResource(o ?? {})).toEqual([]);
  });

  it('GAD-7: panel 69737-5, seven items, total 70274-6', () => {
    const obs = assessmentObservations(assessment({ scale: 'gad7', answers: [1, 1, 2, 0, 3, 1, 0], total: 8, severityLabel: 'Mild' }), subject, ids);
    expect(obs.map((o) => o.code.coding?.[0]?.code)).toEqual(['69737-5', '69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7', '70274-6']);
    for (const o of obs) expect(validateResource(o)).toEqual([]);
  });

  it('MADRS and HAM-D 17 use the local code system, item scores as integers', () => {
    const madrs = assessmentObservations(assessment({ scale: 'madrs', answers: [4, 4, 3, 2, 1, 3, 3, 4, 2, 1], total: 27, severityLabel: 'Moderate' }), subject, ids);
    expect(madrs[0]?.code.coding?.[0]).toMatchObject({ system: 'urn:tms-course-tracker:codesystem:rating-scales', code: 'madrs' });
    expect(madrs[10]?.valueInteger).toBe(1);
    expect(madrs.at(-1)?.code.coding?.[0]?.code).toBe('madrs-total');
    const hamd = assessmentObservations(assessment({ scale: 'hamd17', answers: Array<number>(17).fill(1), total: 17, severityLabel: 'Moderate' }), subject, ids);
    expect(hamd).toHaveLength(19);
    for (const o of [...madrs, ...hamd]) expect(validateResource(o)).toEqual([]);
  });

  it('marks every observation of an entered-in-error form as entered-in-error', () => {
    const obs = assessmentObservations(assessment({ enteredInError: true }), subject, ids);
    expect(new Set(obs.map((o) => o.status))).toEqual(new Set(['entered-in-error']));
  });

  it('refuses answers that do not fit the scale', () => {
    expect(() => assessmentObservations(assessment({ scale: 'gad7' }), subject, ids)).toThrow('gad7 has 7 items (got 9 answers)');
  });
});
