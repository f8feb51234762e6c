import type { AppCommand } from './appCommands';
import type { Channel } from './channels';
import type { IpcResult } from './result';

/**
 * What the renderer sees as `window.api`. The Electron preload implements it over
 * ipcRenderer; the web host implements it over HTTP on loopback. Same contract.
 */
export interface Bridge {
  invoke(channel: Channel, input: unknown): Promise<IpcResult<unknown>>;
  /** The application menu's commands (the Electron app only; a browser has no menu). Returns an unsubscribe function. */
  onCommand?(listener: (command: AppCommand) => void): () => void;
}
