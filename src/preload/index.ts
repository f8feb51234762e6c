import { contextBridge, ipcRenderer } from 'electron';
import { APP_COMMAND_CHANNEL, isAppCommand } from '../shared/ipc/appCommands';
import type { Bridge } from '../shared/ipc/bridge';
import { INVOKE_CHANNEL, isChannel } from '../shared/ipc/channels';

// Sandboxed preload: exposes contract calls (main validates again) and the menu's commands, nothing else.
const api: Bridge = {
  invoke: (channel, input) =>
    isChannel(channel)
      ? ipcRenderer.invoke(INVOKE_CHANNEL, channel, input)
      : Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${String(channel)}` } }),
  onCommand: (listener) => {
    const forward = (_event: unknown, command: unknown) => {
      if (isAppCommand(command)) listener(command);
    };
    ipcRenderer.on(APP_COMMAND_CHANNEL, forward);
    return () => ipcRenderer.removeListener(APP_COMMAND_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('api', api);
