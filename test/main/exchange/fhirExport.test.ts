import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db';
import { courseBundle } from '../../../src/main/exchange/fhir/courseBundle';
import { ResourceIds } from '../../../src/main/exchange/fhir/ids';
import { createDispatch } from '../../../src/main/ipc/dispatch';
import type { ExportPorts } from '../../../src/main/reports/exportCourse';
import type { BundleResource, ProcedureResource } from '../../../src/main/exchange/fhir/types';
import { seedDemoCourse } from '../../../tools/seed/demoCourse';
import { seedSntDemoCourse } from '../../../tools/seed/sntCourse';
import { validateBundle } from '../../../tools/fhir/validate';
import { ok, tempDir } from '../../support/tempDatabase';

const NOW = { now: new Date('2026-05-01T10:00:00Z') };

async function clinic(seed: typeof seedDemoCourse | typeof seedSntDemoCourse, saveTo: string | null) {
  const dir = tempDir();
  const db = await openDatabase(join(dir, 'clinic.sqlite'));
  const asked: Array<{ name: string; kind: string }> = [];
  const ports: ExportPorts = {
    printer: { print: () => Promise.reject(new Error('no printing here')) },
    chooseSavePath: (name, kind) => { asked.push({ name, kind }); return Promise.resolve(saveTo === null ? null : join(saveTo, name)); },
  };
  const dispatch = createDispatch(db, { exports: ports });
  const { courseId, psychiatristId } = await seed(dispatch);
  const technician = await db.selectFrom('staff').select('id').where('role', '=', 'technician').executeTakeFirstOrThrow();
  return { db, dispatch, courseId, psychiatristId, technicianId: technician.id, asked };
}

function readBundle(path: string | null): BundleResource {
  if (!path) throw new Error('no file');
  return JSON.parse(readFileSync(path, 'utf8')) as BundleResource;
}

const ofType = <T extends BundleResource['entry'][number]['resource']['resourceType']>(bundle: BundleResource, type: T) =>
  bundle.entry.map((e) => e.resource).filter((r): r is Extract<BundleResource['entry'][number]['resource'], { resourceType: T }> => r.resourceType === type);

/** Every `reference` anywhere in the bundle. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) references(v, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') found.push(v);
      else references(v, found);
    }
  }
  return found;
}

const cptOf = (p: ProcedureResource) => p.code.coding?.find((c) => c.system === 'http://www.ama-assn.org/go/cpt')?.code ?? null;

describe('FHIR export of a course (fhir:exportCourse, through dispatch)', { timeout: 120_000 }, () => {
  it('writes a Bundle that the R4 schema accepts, with every record of the course, audited as an export', async () => {
    const saveTo = tempDir();
    const c = await clinic(seedDemoCourse, saveTo);
    // A technician may export: any signed-in role that reads the course.
    const result = ok(await c.dispatch('fhir:exportCourse', { courseId: c.courseId }, { ...NOW, staffId: c.technicianId }));
    expect(c.asked).toEqual([{ name: 'MRN-004217-vance-course-fhir-2026-03-02.json', kind: 'json' }]);
    const bundle = readBundle(result.path);
    expect(result.bytes).toBe(readFileSync(result.path ?? '').byteLength);

    expect(validateBundle(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-05-01T10:00:00.000Z' });

    const detail = ok(await c.dispatch('reports:data', { courseId: c.courseId }, { ...NOW, staffId: c.psychiatristId }));
    const [patient] = ofType(bundle, 'Patient');
    expect(patient).toMatchObject({ identifier: [{ value: 'MRN-004217' }], name: [{ family: 'Vance', given: ['Eleanor'] }], gender: 'female', birthDate: '1978-09-14' });
    expect(ofType(bundle, 'Practitioner').map((p) => p.name[0]?.text).sort()).toEqual(['Dr. Maya Patel', 'Sam Okafor']);
    expect(ofType(bundle, 'Condition').map((x) => x.code.coding?.[0])).toEqual([
      { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.2', display: 'Major depressive disorder, recurrent, severe without psychotic features' },
    ]);

    // One Procedure per delivered session, with the same CPT codes the report counts (one rule).
    const procedures = ofType(bundle, 'Procedure');
    expect(procedures).toHaveLength(detail.detail.sessions.length);
    const counted = { '90867': 0, '90868': 0, '90869': 0 } as Record<string, number>;
    for (const p of procedures) counted[cptOf(p) ?? 'none'] = (counted[cptOf(p) ?? 'none'] ?? 0) + 1;
    expect(counted).toEqual({ '90867': detail.billing.codes['90867'], '90868': detail.billing.codes['90868'], '90869': detail.billing.codes['90869'] });
    expect(cptOf(procedures[0] as ProcedureResource)).toBe('90867');
    expect(procedures[0]?.performedDateTime).toMatch(/^2026-03-02T\d\d:\d\d:00[+-]\d\d:\d\d$/);

    // Each PHQ-9: a 44249-1 panel whose members are the nine items and the 44261-6 total.
    const observations = ofType(bundle, 'Observation');
    const panels = observations.filter((o) => o.code.coding?.[0]?.code === '44249-1');
    expect(panels).toHaveLength(detail.detail.phq9.length);
    const byUrl = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource]));
    const first = detail.detail.phq9[0];
    const panel = panels[0];
    if (!first || !panel) throw new Error('no PHQ-9');
    const members = (panel.hasMember ?? []).map((m) => byUrl.get(m.reference));
    const codes = members.map((m) => (m?.resourceType === 'Observation' ? m.code.coding?.[0]?.code : null));
    expect(codes.slice(0, 10)).toEqual(['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8', '44261-6']);
    const total = members[9];
    expect(total?.resourceType === 'Observation' && total.valueInteger).toBe(first.total);
    const item1 = members[0];
    expect(item1?.resourceType === 'Observation' && item1.valueCodeableConcept?.coding?.[0]?.extension?.[0]?.valueDecimal).toBe(first.answers[0]);
    expect(panel.effectiveDateTime).toBe(first.assessedOn);

    // Every reference points at an entry of the Bundle; ids are unique.
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    expect(urls.size).toBe(bundle.entry.length);
    for (const ref of references(bundle.entry)) expect(urls.has(ref), ref).toBe(true);

    const audit = await c.db.selectFrom('audit_log').select(['staff_id', 'entity_id', 'after_json']).where('action', '=', 'export').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staff_id: c.technicianId, entity_id: c.courseId });
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ kind: 'fhir', path: result.path, bytes: result.bytes });
    await c.db.destroy();
  });

  it('exports the course\'s GAD-7 and MADRS beside its PHQ-9s (the same date windows), still valid R4', async () => {
    const saveTo = tempDir();
    const c = await clinic(seedDemoCourse, saveTo);
    const detail = ok(await c.dispatch('reports:data', { courseId: c.courseId }, { ...NOW, staffId: c.psychiatristId }));
    const baselineOn = detail.detail.phq9[0]?.assessedOn ?? '';
    const patientId = detail.detail.patient.id;
    const at = { now: new Date(`${baselineOn}T12:00:00Z`), staffId: c.psychiatristId };
    const gad7 = ok(await c.dispatch('assessments:create', { patientId, scale: 'gad7', assessedOn: baselineOn, answers: [2, 2, 1, 1, 2, 1, 1], notes: '' }, at));
    const madrs = ok(await c.dispatch('assessments:create', { patientId, scale: 'madrs', assessedOn: baselineOn, answers: [4, 4, 3, 2, 2, 3, 3, 4, 3, 0], notes: '' }, at));
    // Years before the course: not one of its assessments, so not exported.
    ok(await c.dispatch('assessments:create', { patientId, scale: 'gad7', assessedOn: '2024-01-10', answers: [3, 3, 3, 3, 3, 3, 3], notes: '' }, { now: new Date('2024-01-10T12:00:00Z'), staffId: c.psychiatristId }));
    const bundle = readBundle(ok(await c.dispatch('fhir:exportCourse', { courseId: c.courseId }, { ...NOW, staffId: c.psychiatristId })).path);
    expect(validateBundle(bundle)).toEqual([]);
    const observations = ofType(bundle, 'Observation');
    const panelsOf = (code: string) => observations.filter((o) => o.code.coding?.[0]?.code === code);
    expect(panelsOf('44249-1')).toHaveLength(detail.detail.phq9.length);
    expect(panelsOf('69737-5').map((o) => o.effectiveDateTime)).toEqual([baselineOn]);
    expect(panelsOf('madrs').map((o) => o.effectiveDateTime)).toEqual([baselineOn]);
    const totals = new Map(observations.map((o) => [o.code.coding?.[0]?.code, o.valueInteger]));
    expect(totals.get('70274-6')).toBe(gad7.total);
    expect(totals.get('madrs-total')).toBe(madrs.total);
    await c.db.destroy();
  });

  it('codes an SNT course per treatment day: the day code on each day\'s first session only', async () => {
    const saveTo = tempDir();
    const c = await clinic(seedSntDemoCourse, saveTo);
    const bundle = readBundle(ok(await c.dispatch('fhir:exportCourse', { courseId: c.courseId }, { ...NOW, staffId: c.psychiatristId })).path);
    expect(validateBundle(bundle)).toEqual([]);
    const { billing } = ok(await c.dispatch('reports:data', { courseId: c.courseId }, { ...NOW, staffId: c.psychiatristId }));
    const procedures = ofType(bundle, 'Procedure');
    const days = new Set(procedures.map((p) => p.performedDateTime.slice(0, 10)));
    const coded = procedures.map(cptOf).filter((x): x is string => x !== null);
    expect(coded).toHaveLength(days.size);
    expect(coded.filter((x) => x === '0890T')).toHaveLength(billing.codes['0890T']);
    expect(coded.filter((x) => x === '0891T')).toHaveLength(billing.codes['0891T']);
    expect(coded.filter((x) => x === '0892T')).toHaveLength(billing.codes['0892T']);
    await c.db.destroy();
  });

  it('writes nothing and audits nothing when the save dialog is cancelled; refuses anyone not signed in', async () => {
    const c = await clinic(seedDemoCourse, null);
    expect(ok(await c.dispatch('fhir:exportCourse', { courseId: c.courseId }, { ...NOW, staffId: c.psychiatristId }))).toEqual({ path: null, bytes: 0, pages: null });
    const refused = await c.dispatch('fhir:exportCourse', { courseId: c.courseId }, { ...NOW, staffId: null });
    expect(refused.ok ? null : refused.error.code).toBe('unauthenticated');
    expect(await c.db.selectFrom('audit_log').select('id').where('action', '=', 'export').execute()).toEqual([]);
    await c.db.destroy();
  });

  it('adds a MedicationStatement per antidepressant trial, for the Bundle\'s patient', async () => {
    const c = await clinic(seedDemoCourse, null);
    const { detail } = ok(await c.dispatch('reports:data', { courseId: c.courseId }, { ...NOW, staffId: c.psychiatristId }));
    const trials = [
      { id: 1, drug: 'Sertraline', drugClass: 'SSRI', dose: '200 mg daily', startedOn: '2023-02-01', endedOn: '2023-05-15', adequate: true, outcome: 'no_response' as const },
      { id: 2, drug: 'Venlafaxine XR', drugClass: 'SNRI', dose: '225 mg daily', startedOn: '2023-06-01', endedOn: '2023-07-10', adequate: false, outcome: 'intolerable' as const, outcomeNote: 'Hypertension' },
      { id: 3, drug: 'Aripiprazole', drugClass: 'Atypical antipsychotic (augmentation)', dose: '5 mg daily', startedOn: '2025-11-01', endedOn: null, adequate: true, outcome: 'other' as const },
    ];
    const bundle = courseBundle(detail, { now: NOW.now, trials, zoneOffset: () => '+00:00' });
    expect(validateBundle(bundle)).toEqual([]);
    const statements = ofType(bundle, 'MedicationStatement');
    expect(statements.map((m) => [m.medicationCodeableConcept.text, m.status])).toEqual([['Sertraline', 'stopped'], ['Venlafaxine XR', 'stopped'], ['Aripiprazole', 'active']]);
    const [patient] = bundle.entry.filter((e) => e.resource.resourceType === 'Patient');
    for (const m of statements) expect(m.subject.reference).toBe(patient?.fullUrl);
    expect(ofType(bundle, 'Procedure')[0]?.performedDateTime).toBe('2026-03-02T09:30:00+00:00');
    await c.db.destroy();
  });

  it('gives the same resource ids to the same records on every export', () => {
    const ids = new ResourceIds('mrn:MRN-1');
    expect(ids.id('Patient', 1)).toBe(new ResourceIds('mrn:MRN-1').id('Patient', 1));
    expect(ids.id('Patient', 1)).not.toBe(ids.id('Patient', 2));
    expect(ids.id('Patient', 1)).not.toBe(new ResourceIds('mrn:MRN-2').id('Patient', 1));
    expect(ids.id('Observation', 'phq9/3/total')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
