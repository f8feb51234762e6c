import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder cannot run here (it downloads Electron), so the packaging configuration is
 * checked by reading it: what ships, how the native module is unpacked, the fuses, the targets
 * and the icon electron-builder derives every platform's icon from.
 */
const root = join(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<string, unknown>;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; productName: string; dependencies: Record<string, string> };

function targetsOf(platform: 'win' | 'mac' | 'linux'): string[] {
  const targets = (config[platform] as { target: Array<string | { target: string }> }).target;
  return targets.map((t) => (typeof t === 'string' ? t : t.target));
}

describe('the packaging configuration (electron-builder.json)', () => {
  it('ships the built app (main, preload, renderer) with the entry package.json names, and no source maps', () => {
    expect(config['files']).toEqual(['out/**', 'package.json', '!**/*.map']);
    expect(packageJson.main).toBe('out/main/index.js');
    expect(config['productName']).toBe(packageJson.productName);
    expect(config['asar']).toBe(true);
  });

  it('unpacks better-sqlite3 from the archive (a native module cannot load from inside asar) and rebuilds it for Electron', () => {
    expect(packageJson.dependencies).toHaveProperty('better-sqlite3');
    expect(config['asarUnpack']).toContain('**/node_modules/better-sqlite3/**');
    expect(config['npmRebuild']).toBe(true);
  });

  it('sets the Electron fuses: no RunAsNode, NODE_OPTIONS or --inspect; cookies encrypted; asar integrity; app only from asar', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an NSIS installer for Windows, a dmg for macOS, an AppImage and a deb for Linux', () => {
    expect(targetsOf('win')).toEqual(['nsis']);
    expect(targetsOf('mac')).toEqual(['dmg']);
    expect(targetsOf('linux')).toEqual(['AppImage', 'deb']);
  });

  it('has a square PNG icon of at least 512 px (electron-builder makes .ico and .icns from it)', () => {
    const icon = join(root, String(config['icon']));
    expect(existsSync(icon)).toBe(true);
    const png = readFileSync(icon);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });
});
