import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/ipc/dispatch';
import type { ExportPorts } from '../../src/main/reports/exportCourse';
import { seedDemoCourse } from '../../tools/seed/demoCourse';
import { ok, tempDatabase, tempDir } from '../support/tempDatabase';

const at = { now: new Date('2026-04-20T10:00:00') };

async function demoClinic() {
  const saveTo = tempDir();
  const { db } = await tempDatabase();
  const ports: ExportPorts = {
    printer: { print: () => Promise.resolve(Buffer.from('%PDF-1.4 /Type /Pages /Type /Page %%EOF')) },
    chooseSavePath: (suggested) => Promise.resolve(join(saveTo, suggested)),
  };
  const dispatch = createDispatch(db, { appVersion: '1.2.3', exports: ports });
  const { courseId, psychiatristId } = await seedDemoCourse(dispatch);
  return { db, dispatch, courseId, as: { ...at, staffId: psychiatristId } };
}

describe('one clinic-wide date format', () => {
  it('a clinic that never chose one writes 2 Mar 2026; the setting is audited and reaches the session, messages and CSV', async () => {
    const d = await demoClinic();
    const before = ok(await d.dispatch('settings:get', {}, d.as));
    expect(before.dateFormat).toBe('d MMM yyyy');

    ok(await d.dispatch('settings:update', { ...before, dateFormat: 'MM/dd/yyyy' }, d.as));
    expect(ok(await d.dispatch('auth:session', {}, d.as)).dateFormat).toBe('MM/dd/yyyy');
    const audit = await d.db.selectFrom('audit_log').select(['entity', 'after_json']).where('entity', '=', 'settings').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({ dateFormat: 'MM/dd/yyyy' });

    const detail = ok(await d.dispatch('courses:get', { id: d.courseId }, d.as));
    const first = detail.phq9[0];
    if (!first) throw new Error('the demo course has PHQ-9s');
    const again = await d.dispatch('phq9:create', { patientId: detail.patient.id, assessedOn: first.assessedOn, answers: [1, 1, 1, 1, 1, 1, 1, 1, 0], difficulty: 'somewhat', notes: '' }, d.as);
    expect(again).toMatchObject({ ok: false, error: { fields: { assessedOn: expect.stringContaining('already recorded for 02/27/2026') } } });

    const csv = ok(await d.dispatch('reports:exportCsv', { courseId: d.courseId, kind: 'sessions' }, d.as));
    expect(readFileSync(csv.path ?? '', 'utf8').split('\r\n')[1]).toMatch(/^MRN-004217,1,03\/02\/2026,/);
  });

  it('refuses a format it does not know, next to the field', async () => {
    const d = await demoClinic();
    const settings = ok(await d.dispatch('settings:get', {}, d.as));
    const refused = await d.dispatch('settings:update', { ...settings, dateFormat: 'yy/M/d' }, d.as);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { dateFormat: 'Choose a date format' } } });
  });

  it("the first account sets the clinic's format (offered from the computer's locale)", async () => {
    const { db } = await tempDatabase();
    const dispatch = createDispatch(db, { appVersion: '1.2.3' });
    ok(await dispatch('staff:createFirst', { name: 'Dr. Ana Ruiz', username: 'ana', role: 'psychiatrist', password: 'a long enough password', dateFormat: 'dd.MM.yyyy' }, at));
    expect(ok(await dispatch('settings:get', {}, { ...at, staffId: 1 })).dateFormat).toBe('dd.MM.yyyy');
  });
});
