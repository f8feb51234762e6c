import { describe, expect, it } from 'vitest';
import { preparedQuery } from '../../src/main/db/preparedQuery';
import { patientInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

describe('preparedQuery', () => {
  it('runs the compiled query with each call\'s arguments, among constant parameters', async () => {
    const { db, dispatch } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr. A', username: 'a.x', role: 'psychiatrist', password: TEST_PASSWORD }, at('2026-03-01T09:00:00Z')));
    for (const [mrn, last] of [['M1', 'Alpha'], ['M2', 'Beta'], ['M3', 'Gamma']] as const) {
      ok(await dispatch('patients:create', patientInput({ mrn, lastName: last }), at('2026-03-01T09:00:00Z')));
    }
    const namesBetween = preparedQuery((d, from: number, to: number) =>
      d.selectFrom('patients').select('last_name').where('sex', '!=', 'unknown').where('id', '>=', from).where('id', '<=', to).orderBy('id'));
    expect(await namesBetween(db, 1, 2)).toEqual([{ last_name: 'Alpha' }, { last_name: 'Beta' }]);
    expect(await namesBetween(db, 2, 3)).toEqual([{ last_name: 'Beta' }, { last_name: 'Gamma' }]);
    expect(await namesBetween(db, 3, 1)).toEqual([]);
  });

  it('refuses a builder that does not bind an argument exactly once', async () => {
    const { db } = await tempDatabase();
    const unused = preparedQuery((d, _id: number) => d.selectFrom('patients').select('id'));
    await expect(unused(db, 1)).rejects.toThrow(/must be bound exactly once/);
    const twice = preparedQuery((d, id: number) => d.selectFrom('patients').select('id').where('id', '=', id).where('version', '<', id));
    await expect(twice(db, 1)).rejects.toThrow(/must be bound exactly once/);
  });
});
