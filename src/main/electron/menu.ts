import { type BrowserWindow, Menu } from 'electron';
import { APP_COMMAND_CHANNEL, type AppCommand } from '../../shared/ipc/appCommands';
import { menuTemplate } from './menuTemplate';

/** Sets the application menu; its commands go to the main window's page. */
export function installMenu(packaged: boolean, window: () => BrowserWindow | null): void {
  const send = (command: AppCommand) => window()?.webContents.send(APP_COMMAND_CHANNEL, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ packaged, platform: process.platform, send })));
}
