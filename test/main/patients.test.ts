import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATE_FORMAT, formatLocalDateTime } from '../../src/shared/dateFormat';
import { patientInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const T1 = at('2026-03-02T08:00:00.000Z');
const T2 = at('2026-03-03T09:30:00.000Z');

async function clinic() {
  const env = await tempDatabase();
  ok(await env.dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, T1));
  return env;
}

describe('patients', () => {
  it('creates a patient, trimming and normalising what was typed, and audits it', async () => {
    const { dispatch } = await clinic();
    const p = ok(await dispatch('patients:create', patientInput({ firstName: '  Ada ', primaryDiagnosis: 'f33.2' }), T1));
    expect(p).toMatchObject({ id: 1, firstName: 'Ada', primaryDiagnosis: 'F33.2', version: 0, archivedAt: null, createdAt: '2026-03-02T08:00:00.000Z' });
    expect(ok(await dispatch('patients:get', { id: 1 }))).toEqual(p);
    const audit = ok(await dispatch('audit:list', { entity: 'patient', entityId: 1 }));
    expect(audit).toMatchObject([{ action: 'create', staffName: 'Dr. Maya Patel', at: '2026-03-02T08:00:00.000Z', after: { mrn: 'MRN-0001' } }]);
  });

  it('refuses bad input field by field and stores nothing', async () => {
    const { dispatch, db } = await clinic();
    const result = await dispatch('patients:create', patientInput({
      mrn: 'MRN 1!', firstName: '', dateOfBirth: '2999-01-01', primaryDiagnosis: 'depression', sex: 'x' as 'male',
    }));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: {
          mrn: 'MRN may contain only letters, digits and hyphens',
          firstName: 'First name is required',
          dateOfBirth: 'This date cannot be in the future',
          primaryDiagnosis: 'Enter an ICD-10 code such as F33.2',
          sex: 'Choose the sex recorded for this patient',
        },
      },
    });
    const bad = await dispatch('patients:create', patientInput({ dateOfBirth: '2001-02-30' }));
    expect(bad).toMatchObject({ ok: false, error: { fields: { dateOfBirth: 'Enter a real date as YYYY-MM-DD' } } });
    expect(await db.selectFrom('patients').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('audit_log').select('entity').where('entity', '=', 'patient').execute()).toEqual([]);
  });

  it('refuses a duplicate MRN (ignoring case), naming who has it', async () => {
    const { dispatch } = await clinic();
    ok(await dispatch('patients:create', patientInput(), T1));
    const dup = await dispatch('patients:create', patientInput({ mrn: 'mrn-0001', firstName: 'Bob' }));
    expect(dup).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'MRN mrn-0001 is already used by Lovelace, Ada.', fields: { mrn: 'MRN mrn-0001 is already used by Lovelace, Ada' } },
    });
  });

  it('updates with before/after in the audit log, and refuses a stale version', async () => {
    const { dispatch } = await clinic();
    const p = ok(await dispatch('patients:create', patientInput(), T1));
    const { id, version, archivedAt: _a, archiveReason: _r, createdAt: _c, updatedAt: _u, ...fields } = p;
    const edited = ok(await dispatch('patients:update', { ...fields, actorId: 1, id, version, notes: 'Prefers mornings' }, T2));
    expect(edited).toMatchObject({ version: 1, notes: 'Prefers mornings', updatedAt: '2026-03-03T09:30:00.000Z' });
    const [latest] = ok(await dispatch('audit:list', { entity: 'patient', entityId: id }));
    expect(latest).toMatchObject({ action: 'update', before: { notes: '' }, after: { notes: 'Prefers mornings' } });

    const stale = await dispatch('patients:update', { ...fields, actorId: 1, id, version: 0, notes: 'Overwrite' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: `Ada Lovelace's record was changed by Dr. Maya Patel at ${formatLocalDateTime(new Date('2026-03-03T09:30:00.000Z'), DEFAULT_DATE_FORMAT)}, after you opened it. Nothing was saved: what you entered is still here. Reload to see the change, then enter yours again.` } });
    expect(ok(await dispatch('patients:get', { id })).notes).toBe('Prefers mornings');

    // Saving without a change writes nothing.
    const same = ok(await dispatch('patients:update', { ...fields, actorId: 1, id, version: 1, notes: 'Prefers mornings' }));
    expect(same.version).toBe(1);
    expect(ok(await dispatch('audit:list', { entity: 'patient', entityId: id }))).toHaveLength(2);
  });

  it('archives with a reason and restores; never hard-deletes', async () => {
    const { dispatch, db } = await clinic();
    const p = ok(await dispatch('patients:create', patientInput(), T1));
    const noReason = await dispatch('patients:archive', { actorId: 1, id: p.id, version: 0, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { fields: { reason: 'Reason is required' } } });
    const archived = ok(await dispatch('patients:archive', { actorId: 1, id: p.id, version: 0, reason: 'Duplicate record' }, T2));
    expect(archived).toMatchObject({ archivedAt: '2026-03-03T09:30:00.000Z', archiveReason: 'Duplicate record', version: 1 });
    expect(ok(await dispatch('patients:search', { query: 'lovelace' })).total).toBe(0);
    expect(ok(await dispatch('patients:search', { query: 'lovelace', includeArchived: true })).total).toBe(1);
    const edit = await dispatch('patients:update', { ...patientInput(), id: p.id, version: 1 });
    expect(edit).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/archived/) } });
    const restored = ok(await dispatch('patients:restore', { actorId: 1, id: p.id, version: 1 }, T2));
    expect(restored).toMatchObject({ archivedAt: null, archiveReason: null, version: 2 });
    await expect(sql`DELETE FROM patients`.execute(db)).rejects.toThrow(/never deleted/);
  });

  it('keeps the audit log append-only', async () => {
    const { db } = await clinic();
    await expect(sql`UPDATE audit_log SET reason = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('refuses writes from an unknown staff id as not signed in, writing nothing', async () => {
    const { dispatch, db } = await clinic();
    const result = await dispatch('patients:create', patientInput({ actorId: 42 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await db.selectFrom('patients').selectAll().execute()).toEqual([]);
  });
});

describe('patient search', () => {
  async function seeded() {
    const env = await clinic();
    const people: Array<[string, string, string]> = [
      ['MRN-0001', 'Ada', 'Lovelace'],
      ['MRN-0002', 'Alan', 'Turing'],
      ['MRN-0003', 'Grace', 'Hopper'],
      ['MRN-0010', 'Ada', 'Yonath'],
      ['X-100_%', 'Percy', 'Literal'],
    ];
    for (const [mrn, firstName, lastName] of people) {
      ok(await env.dispatch('patients:create', patientInput({ mrn: mrn.replace(/[_%]/g, ''), firstName, lastName }), T1));
    }
    return env;
  }
  const names = (r: { items: Array<{ lastName: string }> }) => r.items.map((i) => i.lastName);

  it('matches every word against first name, last name or MRN, in any order', async () => {
    const { dispatch } = await seeded();
    expect(names(ok(await dispatch('patients:search', { query: 'ada' })))).toEqual(['Lovelace', 'Yonath']);
    expect(names(ok(await dispatch('patients:search', { query: 'yon ada' })))).toEqual(['Yonath']);
    expect(names(ok(await dispatch('patients:search', { query: 'turing' })))).toEqual(['Turing']);
    expect(names(ok(await dispatch('patients:search', { query: '' })))).toEqual(['Hopper', 'Literal', 'Lovelace', 'Turing', 'Yonath']);
  });

  it('puts an exact MRN first and treats % and _ literally', async () => {
    const { dispatch } = await seeded();
    expect(names(ok(await dispatch('patients:search', { query: 'mrn-0001' })))).toEqual(['Lovelace']);
    expect(names(ok(await dispatch('patients:search', { query: 'MRN-001' })))).toEqual(['Yonath']);
    expect(ok(await dispatch('patients:search', { query: '%' })).total).toBe(0);
    expect(ok(await dispatch('patients:search', { query: '_' })).total).toBe(0);
  });

  it('limits the rows but counts every match', async () => {
    const { dispatch } = await seeded();
    const r = ok(await dispatch('patients:search', { query: 'mrn', limit: 2 }));
    expect(r.items).toHaveLength(2);
    expect(r.total).toBe(4);
  });
});

describe('patient search through the search index (migration 0019)', () => {
  // ASCII letters fold, as LIKE (SQLite) and ILIKE in the C locale (the test server) do.
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const letters = ['a', 'A', 'n', 'N', 'é', 'É', '%', '_', '\\', '"', "'", '-', '1', '0'];

  it('finds exactly the patients a containment check on each field finds, for short and long words alike', async () => {
    const { db, dispatch } = await clinic();
    let state = 7;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const word = (min: number, max: number) => Array.from({ length: min + random(max - min + 1) }, () => letters[random(letters.length)]).join('');
    const people = Array.from({ length: 60 }, (_, i) => ({
      mrn: `${['A', 'a', 'N', 'n'][i % 4]}${i % 3 ? '-' : ''}${String(i).padStart(3, '0')}${i % 5 ? 'n' : 'AN'}`,
      first_name: word(2, 7),
      last_name: `${word(1, 6)} ${word(1, 4)}`,
      archived: i % 9 === 0,
    }));
    const t = '2026-03-02T08:00:00.000Z';
    for (const p of people) {
      await db.insertInto('patients').values({
        mrn: p.mrn, first_name: p.first_name, last_name: p.last_name, date_of_birth: '1980-01-01', sex: 'other', primary_diagnosis: 'F33.2', referring_psychiatrist: '', notes: '',
        archived_at: p.archived ? t : null, archive_reason: p.archived ? 'moved' : null, created_at: t, updated_at: t,
      }).execute();
    }
    // One renamed after the index was filled: the index follows.
    await db.updateTable('patients').set({ last_name: 'Nan_É%', mrn: 'MOVED-1' }).where('id', '=', 2).execute();
    const stored = await db.selectFrom('patients').select(['id', 'mrn', 'first_name', 'last_name', 'archived_at']).execute();
    const queries = [...Array.from({ length: 120 }, () => word(1, 5)), ...Array.from({ length: 40 }, () => `${word(1, 2)} ${word(2, 4)}`), 'moved-1', 'Nan_É%', 'a0', '00'];
    for (const query of queries) {
      for (const includeArchived of [false, true]) {
        const words = query.trim().split(/\s+/).filter(Boolean).map(fold);
        const expected = stored
          .filter((p) => includeArchived || p.archived_at === null)
          .filter((p) => words.every((w) => [p.last_name, p.first_name, p.mrn].some((f) => fold(f).includes(w))))
          .map((p) => p.id)
          .sort((a, b) => a - b);
        const found = ok(await dispatch('patients:search', { query, includeArchived, limit: 500 }));
        expect({ query, includeArchived, ids: found.items.map((i) => i.id).sort((a, b) => a - b), total: found.total }).toEqual({ query, includeArchived, ids: expected, total: expected.length });
      }
    }
  });
});
