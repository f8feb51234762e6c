import type { Bridge } from '../shared/ipc/bridge';

declare global {
  interface Window {
    /** Provided by the Electron preload, or by the web host's bridge script. */
    api?: Bridge;
  }
}
