import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { APP_COMMAND_CHANNEL } from '../../../src/shared/ipc/appCommands';
import { channels, INVOKE_CHANNEL } from '../../../src/shared/ipc/channels';
import { strict } from '../standin/strict.ts';
import { outDir } from './support/bootMain';

interface Exposed {
  name: string;
  api: unknown;
}

/**
 * Runs the built preload as Electron's sandboxed renderer would: CommonJS, with a `require` that
 * gives only `electron` (stand-ins for contextBridge and ipcRenderer) and refuses anything else.
 */
function loadPreload() {
  const exposed: Exposed[] = [];
  const invoked: unknown[][] = [];
  const subscribed = new Map<string, (...args: unknown[]) => void>();
  const contextBridge = strict('contextBridge', { exposeInMainWorld: (name: string, api: unknown) => void exposed.push({ name, api }) });
  const ipcRenderer = strict('ipcRenderer', {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: 'from main' });
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => void subscribed.set(channel, listener),
    removeListener: (channel: string, listener: unknown) => {
      if (subscribed.get(channel) === listener) subscribed.delete(channel);
    },
  });
  const electron = Object.freeze({ contextBridge, ipcRenderer });
  const require = (specifier: string) => {
    if (specifier === 'electron') return electron;
    throw new Error(`A sandboxed preload cannot require ${specifier}`);
  };
  const code = readFileSync(join(outDir, 'preload/index.cjs'), 'utf8');
  const module = { exports: {} };
  runInNewContext(code, { require, module, exports: module.exports }, { filename: 'out/preload/index.cjs' });
  return { exposed, invoked, subscribed };
}

function invokeOf(api: unknown): (channel: string, input: unknown) => Promise<unknown> {
  const invoke: unknown = typeof api === 'object' && api !== null ? Reflect.get(api, 'invoke') : undefined;
  if (typeof invoke !== 'function') throw new Error('api.invoke is not a function');
  return (channel, input) => Reflect.apply(invoke, api, [channel, input]) as Promise<unknown>;
}

describe('the built preload', () => {
  it('exposes only `api`, with only `invoke` and `onCommand`', () => {
    const { exposed, invoked } = loadPreload();
    expect(exposed.map((entry) => entry.name)).toEqual(['api']);
    expect(Object.keys(exposed[0]?.api ?? {})).toEqual(['invoke', 'onCommand']);
    expect(invoked).toEqual([]);
  });

  it('passes the application menu’s commands to the page, and nothing else sent on that channel', () => {
    const { exposed, subscribed } = loadPreload();
    const onCommand = Reflect.get(exposed[0]?.api ?? {}, 'onCommand') as (listener: (command: string) => void) => () => void;
    const received: string[] = [];
    const unsubscribe = onCommand((command) => received.push(command));
    const forward = subscribed.get(APP_COMMAND_CHANNEL);
    if (!forward) throw new Error('The preload did not listen for menu commands');
    for (const sent of ['open-backups', 'export-report', 'rm -rf', { command: 'open-about' }, 'open-about']) forward({}, sent);
    expect(received).toEqual(['open-backups', 'export-report', 'open-about']);
    unsubscribe();
    expect(subscribed.has(APP_COMMAND_CHANNEL)).toBe(false);
  });

  it('forwards every contract channel to main on the one invoke channel', async () => {
    const { exposed, invoked } = loadPreload();
    const invoke = invokeOf(exposed[0]?.api);
    for (const channel of channels) {
      expect(await invoke(channel, { probe: channel })).toEqual({ ok: true, value: 'from main' });
    }
    expect(invoked).toEqual(channels.map((channel) => [INVOKE_CHANNEL, channel, { probe: channel }]));
  });

  it('answers anything else itself, without calling main', async () => {
    const { exposed, invoked } = loadPreload();
    const invoke = invokeOf(exposed[0]?.api);
    for (const channel of ['fs:read', 'tms:invoke', '__proto__', 'toString', 'app:info ', '']) {
      const result = JSON.parse(JSON.stringify(await invoke(channel, {}))) as unknown;
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(invoked).toEqual([]);
  });
});
