import { describe, expect, it } from 'vitest';
import { at, ok, tempDatabase } from '../support/tempDatabase';

const T = at('2026-03-02T08:00:00.000Z');

async function clinic() {
  const env = await tempDatabase();
  const first = ok(await env.dispatch('staff:createFirst', { name: 'Dr. Maya Patel', role: 'psychiatrist' }, T));
  return { ...env, first };
}

describe('staff', () => {
  it('creates the first staff member once, audited as their own act', async () => {
    const { dispatch, first } = await clinic();
    expect(first).toEqual({
      id: 1, name: 'Dr. Maya Patel', role: 'psychiatrist', active: true,
      createdAt: '2026-03-02T08:00:00.000Z', updatedAt: '2026-03-02T08:00:00.000Z',
    });
    const again = await dispatch('staff:createFirst', { name: 'Someone Else', role: 'admin' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const audit = ok(await dispatch('audit:list', { entity: 'staff', entityId: 1 }));
    expect(audit).toMatchObject([{ action: 'create', staffId: 1, staffName: 'Dr. Maya Patel', before: null, after: { name: 'Dr. Maya Patel' } }]);
  });

  it('lets a manager add staff; names are unique ignoring case', async () => {
    const { dispatch, first } = await clinic();
    const tech = ok(await dispatch('staff:create', { actorId: first.id, name: 'Sam Okafor', role: 'technician' }, T));
    expect(tech.role).toBe('technician');
    const dup = await dispatch('staff:create', { actorId: first.id, name: 'sam okafor', role: 'technician' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', fields: { name: expect.any(String) } } });
    const byTech = await dispatch('staff:create', { actorId: tech.id, name: 'New Person', role: 'technician' });
    expect(byTech).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps at least one active manager, and never lets you demote yourself', async () => {
    const { dispatch, first } = await clinic();
    const self = await dispatch('staff:update', { actorId: first.id, id: first.id, name: first.name, role: 'technician', active: true });
    expect(self).toMatchObject({ ok: false, error: { code: 'conflict', fields: { role: expect.any(String) } } });
    const admin = ok(await dispatch('staff:create', { actorId: first.id, name: 'Lee Admin', role: 'admin' }, T));
    const demoted = ok(await dispatch('staff:update', { actorId: admin.id, id: first.id, name: first.name, role: 'psychiatrist', active: false }, T));
    expect(demoted.active).toBe(false);
    expect(ok(await dispatch('staff:list', {})).map((s) => s.name)).toEqual(['Lee Admin']);
    expect(ok(await dispatch('staff:list', { includeInactive: true })).map((s) => s.name)).toEqual(['Lee Admin', 'Dr. Maya Patel']);
    // The deactivated psychiatrist can no longer act.
    const ghost = await dispatch('staff:create', { actorId: first.id, name: 'X Y', role: 'technician' });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
