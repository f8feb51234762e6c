import { type Answers, type CallRecord, CONFIG_ENV, type StandinConfig } from './protocol.ts';

/**
 * What the stand-in holds in the child process: its config and answers, the calls it recorded
 * and what the app handed it (handlers, listeners, windows), so the harness can drive them.
 */
function readConfig(): StandinConfig {
  const text = process.env[CONFIG_ENV];
  if (!text) throw new Error(`Electron stand-in: ${CONFIG_ENV} is not set`);
  return JSON.parse(text) as StandinConfig;
}

export const config: StandinConfig = readConfig();
export const answers: Answers = { ...config.answers };
export const calls: CallRecord[] = [];

type Listener = (...args: unknown[]) => unknown;

/** Listeners by event name, as `on`/`once` registered them. */
export class Listeners {
  private readonly byEvent = new Map<string, Array<{ listener: Listener; once: boolean }>>();

  add(event: string, listener: Listener, once: boolean): void {
    const list = this.byEvent.get(event) ?? [];
    list.push({ listener, once });
    this.byEvent.set(event, list);
  }

  /** Calls every listener for `event` in order; returns how many there were. */
  emit(event: string, args: unknown[]): number {
    const list = this.byEvent.get(event) ?? [];
    this.byEvent.set(event, list.filter((entry) => !entry.once));
    for (const entry of list) entry.listener(...args);
    return list.length;
  }
}

export interface StandinWebContents {
  readonly id: number;
  readonly listeners: Listeners;
  windowOpenHandler: Listener | null;
  /** The proxy the app sees. */
  readonly exposed: object;
}

export interface StandinWindow {
  readonly id: number;
  readonly listeners: Listeners;
  readonly webContents: StandinWebContents;
  readonly exposed: object;
}

export const registry = {
  app: new Listeners(),
  ipcHandlers: new Map<string, Listener>(),
  protocolHandlers: new Map<string, Listener>(),
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  windows: new Map<number, StandinWindow>(),
  /** The template of the last `Menu.buildFromTemplate`, with its click handlers. */
  menuTemplate: null as unknown[] | null,
  webContents: new Map<number, StandinWebContents>(),
  nextId: 1,
};

let markReady: () => void = () => undefined;
export const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});
export function setReady(): void {
  markReady();
}

/** Names of stand-in objects, for records. */
const names = new WeakMap<object, string>();

export function nameObject(value: object, name: string): void {
  names.set(value, name);
}

function plain(value: unknown, depth: number): unknown {
  if (typeof value === 'function') return names.get(value) ?? '[function]';
  if (value === null || typeof value !== 'object') return value;
  const named = names.get(value);
  if (named) return named;
  if (value instanceof Uint8Array) return { bytes: value.byteLength };
  if (value instanceof Request) return { request: value.url };
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item, depth + 1)]));
}

export function record(api: string, target: object | null, args: unknown[]): void {
  calls.push({ api, target: target ? (names.get(target) ?? '[unnamed]') : null, args: args.map((arg) => plain(arg, 0)) });
}
