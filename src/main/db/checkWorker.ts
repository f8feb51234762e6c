import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type CheckKind = 'quick_check' | 'integrity_check';

/** What a `PRAGMA quick_check` / `integrity_check` found: `ok`, or up to `maxProblems` lines. */
export type CheckResult = { ok: true } | { ok: false; problems: string[] };

// Runs in a worker thread (CommonJS, evaluated from this string so no extra file has to ship
// beside the bundle) on its own read-only connection: it never writes, and the app's event loop
// keeps running while a large file is checked.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const rows = db.prepare('PRAGMA ' + workerData.kind + '(' + Number(workerData.maxProblems) + ')').pluck().all();
  parentPort.postMessage({ rows: rows.map(String) });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error), code: error && error.code });
} finally {
  try { db && db.close(); } catch {}
}
`;

interface WorkerReply {
  rows?: string[];
  error?: string;
  code?: string;
}

function driverPath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}

/** An error thrown by the check itself (the file could not be read), as opposed to problems it found. */
export class CheckError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'CheckError';
  }
}

/**
 * Runs the check in a worker. `result` settles when it is done; `unref()` lets the process exit
 * without waiting for a background check.
 */
export function startCheck(file: string, kind: CheckKind, maxProblems = 20): { result: Promise<CheckResult>; unref: () => void } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, kind, maxProblems, driver: driverPath() } });
  const result = new Promise<CheckResult>((resolve, reject) => {
    worker.once('message', (reply: WorkerReply) => {
      void worker.terminate();
      if (reply.error !== undefined) reject(new CheckError(reply.error, reply.code));
      else if (reply.rows?.length === 1 && reply.rows[0] === 'ok') resolve({ ok: true });
      else resolve({ ok: false, problems: reply.rows ?? [] });
    });
    worker.once('error', reject);
  });
  return { result, unref: () => worker.unref() };
}

/** Waits for a check at most `timeoutMs`; if it is still running then, it goes on and `pending` settles later. */
export async function checkWithin(file: string, kind: CheckKind, timeoutMs: number): Promise<CheckResult | { pending: Promise<CheckResult> }> {
  const check = startCheck(file, kind);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const first = await Promise.race([check.result, timeout]);
    if (first === 'timeout') {
      check.unref();
      return { pending: check.result };
    }
    return first;
  } finally {
    clearTimeout(timer);
  }
}
