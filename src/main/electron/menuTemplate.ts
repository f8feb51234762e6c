import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/appCommands';

export interface MenuOptions {
  packaged: boolean;
  platform: NodeJS.Platform;
  /** Sends a command to the window that has focus (the main window). */
  send: (command: AppCommand) => void;
}

/**
 * The application menu as a template: File (export, backups, quit), Edit, View (zoom, full screen;
 * reload and developer tools only while developing) and Help (About: version, data and log folders).
 */
export function menuTemplate({ packaged, platform, send }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (label: string, name: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(name),
  });
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        command('Export Course Report as PDF…', 'export-report', 'CmdOrCtrl+Shift+E'),
        command('Backups…', 'open-backups'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...(packaged ? [] : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Help', role: 'help', submenu: [command('About TMS Course Tracker', 'open-about')] },
  ];
}
