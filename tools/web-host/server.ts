import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative } from 'node:path';
import type { Kysely } from 'kysely';
import { DatabaseOpenError, openDatabase } from '../../src/main/db';
import { openPostgresDatabase, type PostgresConnection } from '../../src/main/db/postgres';
import { createRecoveryDispatch } from '../../src/main/recovery/recoveryDispatch';
import type { DB } from '../../src/main/db/schema';
import { CONTENT_SECURITY_POLICY } from '../../src/main/contentSecurityPolicy';
import { type ClinicSwitcher, rebuildDemoClinic } from '../../src/main/demo/demoClinic';
import { createDispatch, type Dispatch } from '../../src/main/ipc/dispatch';
import { HostSessions } from '../../src/main/ipc/hostSession';
import { BackupService } from '../../src/main/backup/service';
import { BRIDGE_PATH, bridgeScript, INVOKE_PATH } from './bridgeScript';
import { HostAccess, newSecret, SESSION_COOKIE, sessionCookie } from './access';
import { createChromiumExports } from './chromiumExports';
import { ClinicDatabaseSettingStore } from '../../src/main/clinicDatabase/settingStore';
import type { SecretBox } from '../../src/main/clinicDatabase/secretBox';
import { startWorkstation } from '../../src/main/clinicDatabase/startWorkstation';
import { createServerProblemDispatch } from '../../src/main/recovery/serverProblemDispatch';
import { keySecretBox } from './keySecretBox';

const MAX_BODY_BYTES = 1_000_000;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebHost {
  url: string;
  /** The random token a browser must show once (`/?token=…` or the token header) to be let in. */
  token: string;
  /** The open database: the clinic's file, or the demo clinic's after the page opened it. */
  readonly db: Kysely<DB>;
  /** The same dispatch the page calls, for tests that prepare data quickly. */
  readonly dispatch: Dispatch;
  close(): Promise<void>;
}

export interface WebHostOptions {
  /** The clinic's SQLite file; with `postgres`, only names where the demo clinic's file goes. */
  dbFile: string;
  /** The clinic on a PostgreSQL server instead of `dbFile`, as a workstation set to "clinic server" opens it. */
  postgres?: PostgresConnection;
  rendererDir: string;
  port?: number;
  appVersion?: string;
  /** Clock for every call; tests fix it. Defaults to the real time of each call. */
  now?: () => Date;
  /** Where exported PDFs and CSVs are written (the app asks with a save dialog). */
  exportsDir?: string;
  /** Check results against the contract (default true; the benchmark runs as the packaged app does). */
  validateOutput?: boolean;
  /** Told the size of each answer to a contract call as it is sent (the benchmark's largest read, without watching the page). */
  onAnswer?: (channel: string, bytes: number) => void;
  /** The start-up token (default: a new random one); tests keep one across restarts. */
  token?: string;
  /**
   * The workstation's clinic database setting (this computer or a clinic server), kept in this
   * folder as the app keeps it in its data folder; the password sealed by `secrets` (default: a
   * key held in memory). Without it the clinic database calls answer "unavailable".
   */
  clinicDatabase?: { dataFolder: string; secrets?: SecretBox; testTimeoutMs?: number };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built renderer and answers the IPC contract over HTTP on 127.0.0.1, running
 * the same dispatch as the Electron main process over a real SQLite file. For tests and
 * for looking at the UI without an Electron binary; never part of the shipped app.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  let origin = '';
  let port = 0;
  const access = new HostAccess(options.token ?? newSecret());
  const sessions = new HostSessions<string>();
  // The print browser reads the report as the person exporting, in a browser session of its own.
  const printAs = (staffId: number) => {
    const id = access.issue();
    sessions.get(id).signIn(staffId, options.now?.() ?? new Date());
    return {
      cookie: { name: SESSION_COOKIE, value: id },
      done: () => {
        sessions.forget(id);
        access.revoke(id);
      },
    };
  };
  const exports = createChromiumExports(() => origin, options.exportsDir ?? join(tmpdir(), 'tms-exports'), printAs);
  const demoFile = options.dbFile.replace(/(\.sqlite)?$/, '-demo.sqlite');
  const store = options.clinicDatabase ? new ClinicDatabaseSettingStore(options.clinicDatabase.dataFolder, options.clinicDatabase.secrets ?? keySecretBox()) : null;
  // Saving the setting or moving the clinic reopens the host in place on the setting (the app relaunches).
  const restart = async () => {
    await switchTo(false);
    return { restarting: false };
  };
  const clinicDatabase = store
    ? { store, localFile: options.dbFile, restart, ...(options.clinicDatabase?.testTimeoutMs ? { testTimeoutMs: options.clinicDatabase.testTimeoutMs } : {}) }
    : null;
  const logError = (channel: string, error: unknown) => console.error(`[web-host] ${channel}:`, error);
  // The demo clinic swaps the open database and its dispatch; the page reloads after the answer.
  const open = async (demo: boolean): Promise<{ db: Kysely<DB> | null; dispatch: Dispatch }> => {
    const file = demo ? demoFile : options.dbFile;
    if (!demo && options.postgres) return openOnServer(options.postgres);
    // The workstation's setting (the app's Clinic database screen): this computer's file or a clinic server.
    const workstation = !demo && store ? await startWorkstation(store, options.dbFile) : { kind: 'local' as const };
    if (workstation.kind === 'server_problem') {
      const useThisComputer = async () => {
        store?.useLocal();
        return restart();
      };
      return { db: null, dispatch: createServerProblemDispatch(workstation.status, { retry: restart, useThisComputer, logError }) };
    }
    if (workstation.kind === 'server') return { db: workstation.db, dispatch: dispatchOn(workstation.db, clinicsFor(false)) };
    let db: Kysely<DB>;
    try {
      db = await openDatabase(file);
    } catch (error) {
      if (!(error instanceof DatabaseOpenError)) throw error;
      // The page shows the recovery screen; a restore reopens the restored file in place.
      const swap = async (replace: () => Promise<void>) => {
        await replace();
        current = await open(demo);
        return { restarting: false };
      };
      return { db: null, dispatch: createRecoveryDispatch(file, error, { swap, logError: (channel, e) => console.error(`[web-host] ${channel}:`, e) }) };
    }
    // A restore swaps the file under the open database: close it, replace it, reopen in place.
    const backups = new BackupService(db, file, {
      swap: async (replace) => {
        await current.db?.destroy();
        await replace();
        current = await open(demo);
        return { restarting: false };
      },
      onError: (error) => console.error('[web-host] backup:', error),
    });
    return { db, dispatch: dispatchOn(db, clinicsFor(demo), backups) };
  };
  // A server's backups are the server's own (its operator's pg_dump or snapshots): no file backups here.
  const openOnServer = async (connection: PostgresConnection) => {
    const db = await openPostgresDatabase(connection);
    return { db, dispatch: dispatchOn(db, clinicsFor(false)) };
  };
  const clinicsFor = (demo: boolean): ClinicSwitcher => ({
    demo,
    openDemo: async (today) => {
      await rebuildDemoClinic(demoFile, today);
      await switchTo(true);
      return { relaunching: false };
    },
    leaveDemo: async () => {
      await switchTo(false);
      return { relaunching: false };
    },
  });
  const dispatchOn = (db: Kysely<DB>, clinics: ClinicSwitcher, backups?: BackupService) =>
    createDispatch(db, {
      appVersion: options.appVersion ?? 'web-host',
      exports,
      clinics,
      ...(backups ? { backups } : {}),
      ...(clinicDatabase && !clinics.demo ? { clinicDatabase } : {}),
      validateOutput: options.validateOutput ?? true,
      logError: (channel, error) => console.error(`[web-host] ${channel}:`, error),
      verifyAuditAtStart: true,
    });
  let current = await open(false);
  const switchTo = async (demo: boolean) => {
    const previous = current;
    current = await open(demo);
    await previous.db?.destroy();
  };
  const rendererDir = normalize(options.rendererDir);
  const indexHtml = (await readFile(join(rendererDir, 'index.html'), 'utf8')).replace(
    '<head>',
    `<head>\n    <script src="${BRIDGE_PATH}"></script>`,
  );

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const browser = access.hostAllowed(req, port) ? access.browserOf(req, url) : null;
      if (!browser) return send(res, 403, 'text/plain', 'Forbidden: open the address printed at start-up, with its token.');
      const cookie: Record<string, string> = browser.isNew ? { 'Set-Cookie': sessionCookie(browser.id) } : {};
      if (req.method === 'POST' && url.pathname === INVOKE_PATH) {
        // Only our own page may call: same origin, JSON body (no simple cross-site form post).
        if (req.headers.origin !== origin || !req.headers['content-type']?.startsWith('application/json')) {
          return send(res, 403, 'text/plain', 'Forbidden');
        }
        const { channel, input } = JSON.parse(await readBody(req)) as { channel: string; input: unknown };
        const result = await current.dispatch(String(channel), input, { now: options.now?.() ?? new Date(), session: sessions.get(browser.id) });
        const body = JSON.stringify(result);
        options.onAnswer?.(String(channel), Buffer.byteLength(body));
        return send(res, 200, 'application/json', body, cookie);
      }
      // The token is shown once; the address bar then loses it.
      if (url.searchParams.has('token')) return send(res, 303, 'text/plain', 'See /', { ...cookie, Location: `/${url.hash}` });
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
      // The same text for the host's whole life: a page loads it from the browser's cache, as Electron's preload needs no request.
      if (url.pathname === BRIDGE_PATH) return send(res, 200, contentTypes['.js'] ?? '', bridgeScript, { ...cookie, 'Cache-Control': 'private, max-age=86400' });
      if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, contentTypes['.html'] ?? '', indexHtml, cookie);
      const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
      if (relative(rendererDir, file).startsWith('..')) return send(res, 404, 'text/plain', 'Not found');
      try {
        // Built assets carry their content's hash in the name: a browser may keep them, as from any web server.
        const immutable: Record<string, string> = relative(rendererDir, file).startsWith('assets') ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {};
        return send(res, 200, contentTypes[extname(file)] ?? 'application/octet-stream', await readFile(file), immutable);
      } catch {
        return send(res, 404, 'text/plain', 'Not found');
      }
    })().catch((error: unknown) => {
      console.error('[web-host]', error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    token: access.token,
    get db() {
      if (!current.db) throw new Error('The clinic file could not be opened: the page shows the recovery screen.');
      return current.db;
    },
    dispatch: (channel, input, context) => current.dispatch(channel, input, context ?? { now: options.now?.() ?? new Date() }),
    close: async () => {
      await exports.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await current.db?.destroy();
    },
  };
}
