import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach } from 'vitest';
import { INVOKE_CHANNEL } from '../../../../src/shared/ipc/channels';
import type { IpcResult } from '../../../../src/shared/ipc/result';
import type { Answers, AppResponse, CallRecord, Command, Reply, StandinConfig } from '../../standin/protocol.ts';
import { CONFIG_ENV } from '../../standin/protocol.ts';
import { minimalPdf } from './minimalPdf';
import { waitFor } from './waitFor';

const root = resolve(import.meta.dirname, '../../../..');
export const outDir = join(root, 'out');
export const mainBundle = join(outDir, 'main/index.js');
const harness = pathToFileURL(join(root, 'test/electron/standin/harness.ts')).href;
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** Where the app's own page lives, as the main bundle loads it. */
export const APP_PAGE = 'app://renderer/index.html';

export interface BootOptions {
  /** Extra command-line arguments after the bundle path (e.g. `--demo-clinic`). */
  args?: string[];
  answers?: Partial<Answers>;
  /** Runs before the bundle starts, with the folders it will use (seed files, say). */
  prepare?: (folders: Folders) => void;
}

export interface Folders {
  readonly root: string;
  readonly userData: string;
  readonly documents: string;
}

/** Who sends an IPC call: a window's WebContents id and the frame's URL. */
export interface Sender {
  webContents: number;
  url: string;
  top: boolean;
}

const running: BootedMain[] = [];

// Every test that booted the bundle also checks it touched nothing the stand-in does not define.
afterEach(async () => {
  const found: string[] = [];
  for (const main of running.splice(0)) {
    if (main.alive) found.push(...(await main.violations()));
    await main.stop();
  }
  if (found.length) throw new Error(`The bundle used Electron APIs the stand-in does not define:\n${found.join('\n')}`);
});

/** The built main bundle running in a child Node process with the Electron stand-in. */
export class BootedMain {
  private nextId = 1;
  private readonly pending = new Map<number, { done: (reply: Reply) => void; fail: (error: Error) => void }>();
  private output = '';

  constructor(
    private readonly child: ChildProcess,
    readonly folders: Folders,
    readonly hello: Promise<void>,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.on('message', (message: Reply) => this.pending.get(message.id)?.done(message));
    child.on('exit', (code, signal) => {
      for (const { fail } of this.pending.values()) fail(new Error(`The bundle exited (${code ?? signal}) during a command\n${this.output}`));
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the bundle printed, for failure messages. */
  get log(): string {
    return this.output;
  }

  async request(command: Command): Promise<unknown> {
    await this.hello;
    const id = this.nextId++;
    const reply = await new Promise<Reply>((done, fail) => {
      this.pending.set(id, { done, fail });
      this.child.send({ id, command }, (error) => error && fail(error));
    });
    this.pending.delete(id);
    if (!reply.ok) throw new Error(`Stand-in command ${command.kind} failed: ${reply.error}\n--- bundle output ---\n${this.output}`);
    return reply.value;
  }

  async calls(api?: string): Promise<CallRecord[]> {
    const all = (await this.request({ kind: 'calls' })) as CallRecord[];
    return api === undefined ? all : all.filter((call) => call.api === api);
  }

  /** Polls the records until a call to `api` (matching `match`) is there, and returns it. */
  async waitForCall(api: string, match: (call: CallRecord) => boolean = () => true): Promise<CallRecord> {
    let found: CallRecord | undefined;
    await waitFor(async () => {
      found = (await this.calls(api)).find(match);
      return found !== undefined;
    }, `a call to ${api}`, () => this.output);
    return found as CallRecord;
  }

  async violations(): Promise<string[]> {
    return (await this.request({ kind: 'violations' })) as string[];
  }

  /** Resolves `app.whenReady()`. */
  async ready(): Promise<void> {
    await this.request({ kind: 'ready' });
  }

  async answer(answers: Partial<Answers>): Promise<void> {
    await this.request({ kind: 'answer', answers });
  }

  async emitApp(event: string, ...args: unknown[]): Promise<number> {
    return (await this.request({ kind: 'emitApp', event, args })) as number;
  }

  /** Calls the app's `ipcMain.handle` handler as Electron would for `window.api.invoke(channel, input)`. */
  async invoke(channel: string, input: unknown, from: Sender): Promise<IpcResult<unknown>> {
    const frame = { url: from.url, top: from.top };
    return (await this.request({ kind: 'invoke', channel: INVOKE_CHANNEL, sender: from.webContents, frame, args: [channel, input] })) as IpcResult<unknown>;
  }

  async fetchApp(url: string): Promise<AppResponse | { error: string }> {
    return (await this.request({ kind: 'fetchApp', url })) as AppResponse | { error: string };
  }

  async stop(): Promise<void> {
    if (this.alive) {
      const exited = new Promise((done) => this.child.once('exit', done));
      this.child.kill();
      await exited;
    }
    rmSync(this.folders.root, { recursive: true, force: true });
  }
}

/** Starts `out/main/index.js` under this Node with `electron` mapped to the stand-in. */
export function bootMain(options: BootOptions = {}): BootedMain {
  if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run \`npm run build\` before the boot tests (npm run test:boot does not build).`);
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) throw new Error(`The boot test needs Node 22 (better-sqlite3 13); this is ${process.version}. Run it through npm run test:boot.`);
  const base = mkdtempSync(join(tmpdir(), 'tms-boot-'));
  const folders: Folders = { root: base, userData: join(base, 'userData'), documents: join(base, 'documents') };
  mkdirSync(folders.userData);
  mkdirSync(folders.documents);
  options.prepare?.(folders);
  const config: StandinConfig = {
    paths: { userData: folders.userData, documents: folders.documents },
    version,
    isPackaged: false,
    answers: {
      requestSingleInstanceLock: true,
      isMinimized: false,
      executeJavaScript: true,
      printToPDF: minimalPdf(),
      showSaveDialog: { canceled: true },
      isMaximized: false,
      normalBounds: { x: 100, y: 80, width: 1280, height: 800 },
      displays: [{ x: 0, y: 0, width: 1920, height: 1040 }],
      ...options.answers,
    },
  };
  const env: NodeJS.ProcessEnv = { ...process.env, [CONFIG_ENV]: JSON.stringify(config) };
  delete env['ELECTRON_RENDERER_URL'];
  delete env['NODE_OPTIONS'];
  const child = fork(mainBundle, options.args ?? [], {
    execPath: process.execPath,
    execArgv: ['--import', harness, '--disable-warning=ExperimentalWarning'],
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const hello = new Promise<void>((done, fail) => {
    child.once('message', () => done());
    child.once('exit', (code) => fail(new Error(`The bundle exited (${code}) before the stand-in said hello`)));
  });
  // Awaited by the first command; this keeps an early exit from being an unhandled rejection meanwhile.
  hello.catch(() => undefined);
  const booted = new BootedMain(child, folders, hello);
  running.push(booted);
  return booted;
}
