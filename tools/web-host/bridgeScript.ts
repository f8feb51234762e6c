/**
 * The browser side of the web host: defines `window.api` over HTTP, the same Bridge the
 * Electron preload defines over IPC. Served as a classic script before the app's module.
 */
export const BRIDGE_PATH = '/__host/bridge.js';
export const INVOKE_PATH = '/__host/invoke';

export const bridgeScript = `'use strict';
window.api = Object.freeze({
  invoke: function (channel, input) {
    return fetch(${JSON.stringify(INVOKE_PATH)}, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: channel, input: input === undefined ? null : input }),
    }).then(function (response) { return response.json(); });
  },
});
`;
