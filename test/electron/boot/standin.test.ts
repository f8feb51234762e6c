import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainModuleExports } from '../standin/api.ts';
import { CONFIG_ENV, type StandinConfig } from '../standin/protocol.ts';
import { strict, violations } from '../standin/strict.ts';
import { outDir } from './support/bootMain';
import { minimalPdf } from './support/minimalPdf';

describe('the Electron stand-in', () => {
  it('exports exactly the API list, and the built bundle imports nothing else from electron', async () => {
    const config: StandinConfig = {
      paths: {},
      version: '0.0.0',
      isPackaged: false,
      answers: { requestSingleInstanceLock: true, isMinimized: false, executeJavaScript: true, printToPDF: minimalPdf(), showSaveDialog: { canceled: true }, isMaximized: false, normalBounds: { x: 0, y: 0, width: 1280, height: 800 }, displays: [] },
    };
    process.env[CONFIG_ENV] = JSON.stringify(config);
    const standin = await import('../standin/electron.ts');
    expect(Object.keys(standin).sort()).toEqual([...mainModuleExports].sort());
    const bundle = readFileSync(join(outDir, 'main/index.js'), 'utf8');
    const imports = [...bundle.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']electron["']/g)].flatMap((match) => (match[1] ?? '').split(',').map((name) => name.trim().split(/\s+as\s+/)[0]));
    expect(imports.length).toBeGreaterThan(0);
    for (const name of imports) expect(mainModuleExports, String(name)).toContain(name);
    expect(bundle).not.toMatch(/require\(["']electron["']\)|import\s+\w+\s+from\s+["']electron["']|import\s*\*\s*as\s+\w+\s+from\s+["']electron["']/);
  });

  it('fails loudly, and records it, when something reads or sets a member it does not define', () => {
    const dialog = strict('dialog', { showErrorBox: () => undefined, showSaveDialog: () => undefined });
    expect(() => Reflect.get(dialog, 'showOpenDialog')).toThrow(/dialog\.showOpenDialog, which is not in test\/electron\/standin\/api\.ts/);
    expect(() => Reflect.set(dialog, 'showMessageBox', () => undefined)).toThrow(/dialog\.showMessageBox/);
    expect(violations.slice(-2)).toHaveLength(2);
    expect(() => strict('dialog', { showErrorBox: () => undefined })).toThrow(/dialog\.showSaveDialog is listed in api\.ts but missing/);
  });
});
