import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../../src/shared/ipc/appCommands';
import { menuTemplate } from '../../src/main/electron/menuTemplate';

function names(items: MenuItemConstructorOptions[]): unknown[] {
  return items.map((i) => (i.submenu ? { [String(i.label ?? i.role)]: names(i.submenu as MenuItemConstructorOptions[]) } : (i.label ?? i.role ?? i.type)));
}

describe('the application menu', () => {
  it('has File, Edit, View and Help; the packaged app has no reload or developer tools', () => {
    expect(names(menuTemplate({ packaged: true, platform: 'win32', send: () => undefined }))).toEqual([
      { '&File': ['Export Course Report as PDF…', 'Backups…', 'separator', 'quit'] },
      'editMenu',
      { '&View': ['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen'] },
      { '&Help': ['About TMS Course Tracker'] },
    ]);
  });

  it('while developing, View has reload and developer tools; on macOS the app menu comes first and File closes the window', () => {
    const template = menuTemplate({ packaged: false, platform: 'darwin', send: () => undefined });
    expect(names(template)).toEqual([
      'appMenu',
      { '&File': ['Export Course Report as PDF…', 'Backups…', 'separator', 'close'] },
      'editMenu',
      { '&View': ['reload', 'toggleDevTools', 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen'] },
      { '&Help': ['About TMS Course Tracker'] },
    ]);
  });

  it('sends each command to the page', () => {
    const sent: AppCommand[] = [];
    const template = menuTemplate({ packaged: true, platform: 'linux', send: (c) => sent.push(c) });
    const clickables = template.flatMap((i) => (i.submenu as MenuItemConstructorOptions[] | undefined) ?? []).filter((i) => i.click);
    for (const item of clickables) (item.click as () => void)();
    expect(sent).toEqual(['export-report', 'open-backups', 'open-about']);
  });
});
