import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

// The first lint loads the whole config and type information: slow on a loaded 2-core machine.
describe('layering lint', { timeout: 60_000 }, () => {
  it('keeps the renderer away from main, Node and the database', async () => {
    expect(await ruleIds('src/renderer/x.ts', "import { openDatabase } from '../main/db';\nexport const a = openDatabase;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src/renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src/renderer/x.ts', "import { call } from './api/client';\nexport const a = call;\n")).toEqual([]);
  });

  it('keeps shared free of Node, Electron and DOM', async () => {
    expect(await ruleIds('src/shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src/shared/x.ts', 'export const a = () => document.title;\n')).toContain('no-restricted-globals');
    expect(await ruleIds('src/shared/x.ts', "import { z } from 'zod';\nexport const a = z.string();\n")).toEqual([]);
  });

  it('keeps main away from the renderer, and migrations away from app code', async () => {
    expect(await ruleIds('src/main/x.ts', "import { call } from '../renderer/api/client';\nexport const a = call;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('migrations/0009_x.ts', "import type { DB } from '../src/main/db/schema';\nexport type A = DB;\n")).toContain('no-restricted-imports');
  });
});
