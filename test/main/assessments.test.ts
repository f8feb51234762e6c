import { describe, expect, it } from 'vitest';
import { SCALES, type ScaleId, scaleIds } from '../../src/shared/clinical';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const T0 = at('2026-03-01T09:00:00');
const day = (d: string) => at(`${d}T12:00:00`);

/** Written out per scale (not read from the definitions): a valid form, its total and band. */
const FORMS: Record<ScaleId, { answers: number[]; total: number; severity: string }> = {
  phq9: { answers: [3, 3, 2, 2, 1, 1, 2, 1, 0], total: 15, severity: 'moderately_severe' },
  gad7: { answers: [2, 2, 2, 1, 1, 1, 1], total: 10, severity: 'moderate' },
  madrs: { answers: [4, 4, 3, 4, 2, 3, 3, 4, 3, 0], total: 30, severity: 'moderate' },
  hamd17: { answers: [3, 2, 0, 2, 1, 1, 3, 1, 1, 2, 2, 1, 1, 1, 1, 0, 0], total: 22, severity: 'moderate' },
  cgi_s: { answers: [5], total: 5, severity: 'r5' },
  cgi_i: { answers: [2], total: 2, severity: 'r2' },
};

async function clinic() {
  const env = await tempDatabase();
  const { dispatch } = env;
  ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, { ...T0, staffId: null }));
  const tech = ok(await dispatch('staff:create', { name: 'Sam Okafor', username: 'sam', role: 'technician' }, T0)).staff;
  ok(await dispatch('patients:create', patientInput({ mrn: 'M1' }), T0));
  return { ...env, tech };
}

describe('assessments of every scale through dispatch', () => {
  it.each(scaleIds)('%s: scored by its definition, listed, one per patient per day, wrong counts and ranges refused next to the item', async (scale) => {
    const { dispatch, db } = await clinic();
    const form = FORMS[scale];
    const created = ok(await dispatch('assessments:create', { patientId: 1, scale, assessedOn: '2026-03-01', answers: form.answers, notes: '' }, T0));
    expect(created).toMatchObject({ scale, total: form.total, severity: form.severity, suicideItemPositive: false, enteredByName: 'Dr. Maya Patel', difficulty: null });
    expect(ok(await dispatch('assessments:listForPatient', { patientId: 1, scale }, T0)).map((a) => a.id)).toEqual([created.id]);

    const name = SCALES[scale].name;
    const again = await dispatch('assessments:create', { patientId: 1, scale, assessedOn: '2026-03-01', answers: form.answers, notes: '' }, T0);
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { assessedOn: expect.stringContaining(`A ${name} is already recorded for 1 Mar 2026 (total ${form.total}, entered by Dr. Maya Patel)`) } } });

    const short = await dispatch('assessments:create', { patientId: 1, scale, assessedOn: '2026-02-28', answers: form.answers.slice(1), notes: '' }, T0);
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { answers: `A ${name} has ${form.answers.length} ${form.answers.length === 1 ? 'item' : 'items'} (got ${form.answers.length - 1})` } } });
    const last = form.answers.length - 1;
    const max = SCALES[scale].items[last]?.max ?? 0;
    const tooHigh = form.answers.map((a, i) => (i === last ? max + 1 : a));
    expect(await dispatch('assessments:create', { patientId: 1, scale, assessedOn: '2026-02-28', answers: tooHigh, notes: '' }, T0)).toMatchObject({
      ok: false, error: { code: 'invalid_input', fields: { [`answers.${last}`]: `Item ${last + 1} is ${SCALES[scale].items[last]?.min}–${max}` } },
    });
    const missing = form.answers.map((a, i) => (i === 0 ? null : a));
    expect(await dispatch('assessments:create', { patientId: 1, scale, assessedOn: '2026-02-28', answers: missing, notes: '' }, T0)).toMatchObject({
      ok: false, error: { code: 'invalid_input', fields: { 'answers.0': 'Answer item 1' } },
    });
    expect(await db.selectFrom('assessments').select('id').execute()).toHaveLength(1);
  });

  it('lets any clinical staff enter self-report scales, and only psychiatrists and trained raters enter clinician-rated ones', async () => {
    const { dispatch, tech } = await clinic();
    const enter = (scale: ScaleId, date: string) => dispatch('assessments:create', { actorId: tech.id, patientId: 1, scale, assessedOn: date, answers: FORMS[scale].answers, notes: '' }, T0);
    ok(await enter('phq9', '2026-03-01'));
    ok(await enter('gad7', '2026-03-01'));
    for (const scale of ['madrs', 'hamd17', 'cgi_s', 'cgi_i'] as const) {
      expect(await enter(scale, '2026-03-01')).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining(`${SCALES[scale].name} is clinician-rated`) } });
    }
    const updated = ok(await dispatch('staff:update', { id: tech.id, name: tech.name, username: 'sam', role: 'technician', active: true, trainedRater: true }, T0));
    expect(updated.trainedRater).toBe(true);
    for (const scale of ['madrs', 'hamd17', 'cgi_s', 'cgi_i'] as const) ok(await enter(scale, '2026-03-01'));
    // The difficulty question is the PHQ-9's only.
    expect(await dispatch('assessments:create', { patientId: 1, scale: 'gad7', assessedOn: '2026-02-27', answers: FORMS.gad7.answers, difficulty: 'very', notes: '' }, T0)).toMatchObject({
      ok: false, error: { fields: { difficulty: 'Only the PHQ-9 asks about difficulty' } },
    });
  });

  it.each([['madrs', 9, 'MADRS'], ['hamd17', 2, 'HAM-D 17']] as const)(
    'a positive %s suicide item raises the same alert as PHQ-9 item 9: on the alert list, the today list and the dashboard, until a named psychiatrist acknowledges it',
    async (scale, suicideIndex, name) => {
      const { dispatch } = await clinic();
      const course = ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: 1, protocolId: 1, startDate: '2026-03-02' }), T0));
      const answers = FORMS[scale].answers.map((a, i) => (i === suicideIndex ? 1 : a));
      const a = ok(await dispatch('assessments:create', { patientId: 1, scale, assessedOn: '2026-03-02', answers, notes: '' }, day('2026-03-02')));
      expect(a.suicideItemPositive).toBe(true);
      expect(ok(await dispatch('assessments:openAlerts', {})).map((x) => [x.mrn, x.assessment.id, x.assessment.scale])).toEqual([['M1', a.id, scale]]);
      const today = ok(await dispatch('sessions:today', { date: '2026-03-02' }, day('2026-03-02')));
      expect(today.find((t) => t.courseId === course.id)?.item9Open).toBe(true);
      expect(ok(await dispatch('dashboard:courses', {}, day('2026-03-02'))).rows[0]?.item9Open).toBe(1);
      // Entered in error only after the acknowledgement.
      expect(await dispatch('assessments:markEnteredInError', { assessmentId: a.id, reason: 'Wrong patient entirely' }, day('2026-03-02'))).toMatchObject({
        ok: false, error: { code: 'conflict', message: expect.stringContaining(`${name} item ${suicideIndex + 1} (suicide) is positive and not yet acknowledged`) },
      });
      const acked = ok(await dispatch('assessments:acknowledge', { assessmentId: a.id, actionTaken: 'Seen the same day; safety plan' }, day('2026-03-02')));
      expect(acked.acknowledgement).toMatchObject({ byName: 'Dr. Maya Patel', actionTaken: 'Seen the same day; safety plan' });
      expect(ok(await dispatch('assessments:openAlerts', {}))).toEqual([]);
      const history = ok(await dispatch('audit:list', { entity: 'assessment', entityId: a.id }));
      expect(history.map((h) => h.action)).toEqual(['acknowledge', 'create']);
      const marked = ok(await dispatch('assessments:markEnteredInError', { assessmentId: a.id, reason: 'Wrong patient entirely' }, day('2026-03-02')));
      expect(marked.enteredInError).toMatchObject({ byName: 'Dr. Maya Patel', reason: 'Wrong patient entirely' });
      // Another one of that scale that day is now allowed.
      ok(await dispatch('assessments:create', { patientId: 1, scale, assessedOn: '2026-03-02', answers: FORMS[scale].answers, notes: '' }, day('2026-03-02')));
    },
  );
});

describe('course plans through dispatch', () => {
  it('defaults to PHQ-9 weekly; a psychiatrist sets scales and schedules (audited), each scale once; a technician may not', async () => {
    const { dispatch, tech } = await clinic();
    const course = ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: 1, protocolId: 1, startDate: '2026-03-02' }), T0));
    expect(ok(await dispatch('coursePlans:get', { courseId: course.id }, T0))).toMatchObject({ plan: [{ scale: 'phq9', schedule: 'weekly' }], isDefault: true });
    const plan = [{ scale: 'phq9', schedule: 'weekly' }, { scale: 'gad7', schedule: 'weekly' }, { scale: 'madrs', schedule: 'baseline_mid_end' }] as const;
    const set = ok(await dispatch('coursePlans:set', { courseId: course.id, plan: [...plan] }, T0));
    expect(set.isDefault).toBe(false);
    expect(set.plan.map((p) => [p.scale, p.schedule])).toEqual([['gad7', 'weekly'], ['madrs', 'baseline_mid_end'], ['phq9', 'weekly']]);
    expect(await dispatch('coursePlans:set', { courseId: course.id, plan: [plan[0], plan[0]] }, T0)).toMatchObject({ ok: false, error: { fields: { 'plan.1.scale': 'Each scale once' } } });
    expect(await dispatch('coursePlans:set', { actorId: tech.id, courseId: course.id, plan: [plan[0]] }, T0)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const history = ok(await dispatch('audit:list', { entity: 'course', entityId: course.id }, T0));
    expect(history[0]).toMatchObject({ action: 'update' });
  });

  it("puts each planned scale's due assessment on the today list, and takes it off once entered", async () => {
    const { dispatch } = await clinic();
    const course = ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: 1, protocolId: 1, startDate: '2026-03-02' }), T0));
    ok(await dispatch('coursePlans:set', { courseId: course.id, plan: [{ scale: 'phq9', schedule: 'weekly' }, { scale: 'gad7', schedule: 'weekly' }, { scale: 'madrs', schedule: 'baseline_mid_end' }] }, T0));
    const due = async () => ok(await dispatch('sessions:today', { date: '2026-03-02' }, day('2026-03-02'))).find((i) => i.courseId === course.id)?.assessmentsDue.map((d) => `${d.scale} ${d.status} ${d.what}`);
    expect(await due()).toEqual(['gad7 due baseline', 'madrs due baseline', 'phq9 due baseline']);
    for (const scale of ['phq9', 'gad7'] as const) ok(await dispatch('assessments:create', { patientId: 1, scale, assessedOn: '2026-03-02', answers: FORMS[scale].answers, notes: '' }, day('2026-03-02')));
    expect(await due()).toEqual(['madrs due baseline']);
  });
});
