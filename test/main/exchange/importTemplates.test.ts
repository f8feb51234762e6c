import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importKinds, importTemplates } from '../../../src/shared/schemas/import';
import { firstAccount, ok, tempDatabase } from '../../support/tempDatabase';

const docs = join(import.meta.dirname, '../../../docs');
const DAY = { now: new Date('2026-05-01T12:00:00') };

describe('the documented import templates (docs/import.md, docs/import-templates)', { timeout: 60_000 }, () => {
  it('import cleanly, in order: patients, then their PHQ-9 history and past courses', async () => {
    const env = await tempDatabase();
    ok(await env.dispatch('staff:createFirst', firstAccount(), { ...DAY, staffId: null }));
    const created: Record<string, number> = {};
    for (const kind of importKinds) {
      const input = { kind, fileName: `${kind}.csv`, csv: readFileSync(join(docs, 'import-templates', `${kind}.csv`), 'utf8') };
      const check = ok(await env.dispatch('import:check', input, DAY));
      expect(check.errors, kind).toEqual([]);
      expect(check.headers, kind).toEqual(importTemplates[kind].map((c) => c.name));
      created[kind] = ok(await env.dispatch('import:commit', input, DAY)).created;
    }
    expect(created).toEqual({ patients: 2, phq9: 3, courses: 2 });
  });

  it('are described column for column in docs/import.md', () => {
    const text = readFileSync(join(docs, 'import.md'), 'utf8');
    for (const kind of importKinds) {
      for (const column of importTemplates[kind]) expect(text, `${kind}.${column.name}`).toContain(`| \`${column.name}\` | ${column.required ? 'yes' : 'no'} | ${column.description} |`);
    }
  });
});
