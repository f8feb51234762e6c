import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../shared/ipc/bridge';
import { INVOKE_CHANNEL, isChannel } from '../shared/ipc/channels';

// Sandboxed preload: exposes one function, for contract channels only. Main validates again.
const api: Bridge = {
  invoke: (channel, input) =>
    isChannel(channel)
      ? ipcRenderer.invoke(INVOKE_CHANNEL, channel, input)
      : Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${String(channel)}` } }),
};

contextBridge.exposeInMainWorld('api', api);
