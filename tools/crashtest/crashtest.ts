import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrations } from '../../migrations';
import { backupFolderOf } from '../../src/main/backup/backups';
import { openDatabase } from '../../src/main/db';
import { ImmediateSqliteDialect } from '../../src/main/db/immediateDialect';
import { runMigrations } from '../../src/main/db/migrate';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { spawnTs } from './spawnWriter';

export type TrialKind = 'writes' | 'backup' | 'migration';

export interface TrialResult {
  kind: TrialKind;
  acknowledged: number;
  lost: number;
  integrityFailures: number;
  foreignKeyFailures: number;
  auditMismatches: number;
  partialBackups: number;
  /** Whether the kill landed while the moment of interest (a backup, the open/migration) was under way. */
  killedDuring: boolean;
  problems: string[];
}

export interface Summary {
  trials: number;
  acknowledged: number;
  lost: number;
  integrityFailures: number;
  partialBackups: number;
  foreignKeyFailures: number;
  auditMismatches: number;
  killedDuringBackup: number;
  killedDuringMigration: number;
}

const BULK_PATIENTS = 20_000;

/** Fills a file with many patients, so a backup or migration takes long enough to be killed in. */
function bulkPatients(raw: Database.Database): void {
  const at = '2026-01-01T00:00:00.000Z';
  raw.prepare("INSERT INTO staff (id, name, role, active, created_at, updated_at) VALUES (1, 'Crash Admin', 'admin', 1, ?, ?)").run(at, at);
  const insert = raw.prepare(
    "INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, notes, created_at, updated_at) VALUES (?, 'Bulk', 'Patient', '1970-01-01', 'male', 'F33.2', ?, ?, ?)",
  );
  const notes = 'x'.repeat(400);
  raw.transaction(() => {
    for (let i = 1; i <= BULK_PATIENTS; i += 1) insert.run(`B-${i}`, notes, at, at);
  })();
}

/** Two template files: the current schema, and the schema before the newest migrations (to migrate). */
export async function makeTemplates(dir: string): Promise<{ current: string; old: string }> {
  const current = join(dir, 'template-current.sqlite');
  const old = join(dir, 'template-old.sqlite');
  for (const [file, upTo] of [[current, migrations.length], [old, 4]] as const) {
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    const db = new Kysely<never>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
    await runMigrations(db, raw, migrations.slice(0, upTo));
    bulkPatients(raw);
    await db.destroy();
  }
  // The current template goes through the app once, so it is exactly what the app leaves.
  const db = await openDatabase(current);
  await db.destroy();
  return { current, old };
}

function randomBetween(min: number, max: number): number {
  return min + Math.random() * (max - min);
}

/** How long opening an older file (checks, pre-migration backup, migrations) took when last seen, to aim kills inside it. */
let openEstimateMs = 400;

interface ChildRun {
  acked: string[];
  killedDuring: boolean;
}

/** Runs the child and SIGKILLs it at a random moment chosen by `kind`. */
function runAndKill(file: string, kind: TrialKind): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawnTs('tools/crashtest/child.ts', ['--db', file, ...(kind === 'backup' ? ['--backups'] : [])]);
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    let inBackup = false;
    let opening = false;
    let openedAt = 0;
    let killedDuring = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      killedDuring = kind === 'backup' ? inBackup : kind === 'migration' ? opening : true;
      child.kill('SIGKILL');
    };
    const schedule = (ms: number) => {
      if (timer === undefined) timer = setTimeout(kill, ms);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        else if (line === 'opening') {
          opening = true;
          openedAt = performance.now();
          // Migration trials: mostly inside the open (pre-migration backup, migration), some just after.
          if (kind === 'migration') schedule(randomBetween(0, openEstimateMs * 1.25));
        } else if (line === 'ready') {
          opening = false;
          if (kind === 'migration') openEstimateMs = performance.now() - openedAt;
          if (kind === 'writes') schedule(randomBetween(50, 1200));
          if (kind === 'backup') schedule(randomBetween(100, 1500));
          if (kind === 'migration') schedule(randomBetween(0, 300));
        } else if (line === 'backup-start') inBackup = true;
        else if (line.startsWith('backup-done')) inBackup = false;
        newline = buffer.indexOf('\n');
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the child ended by itself (${String(code)}): ${stderr.slice(-1500)}`));
      else resolve({ acked, killedDuring });
    });
  });
}

/** Every file under a backup's final name must be a whole, verified backup. */
function partialBackupsIn(folder: string, problems: string[]): number {
  if (!existsSync(folder)) return 0;
  let partial = 0;
  for (const name of readdirSync(folder)) {
    if (!/^tms-backup-.*\.(sqlite|tmsbackup)$/.test(name)) continue;
    const path = join(folder, name);
    const sidecar = `${path}.json`;
    let whole = false;
    try {
      const meta = JSON.parse(readFileSync(sidecar, 'utf8')) as { bytes: number; counts: { patients: number } };
      const copy = new Database(path, { readonly: true, fileMustExist: true });
      try {
        const ok = copy.prepare('PRAGMA integrity_check').pluck().get() === 'ok';
        const patients = copy.prepare('SELECT count(*) FROM patients').pluck().get() as number;
        whole = ok && statSync(path).size === meta.bytes && patients === meta.counts.patients;
      } finally {
        copy.close();
      }
    } catch (error) {
      problems.push(`${name}: ${String(error)}`);
    }
    if (!whole) partial += 1;
  }
  return partial;
}

/** One trial: a fresh copy of a template, a child killed at a random moment, then the checks. */
export async function runTrial(dir: string, templates: { current: string; old: string }, kind: TrialKind, index: number): Promise<TrialResult> {
  const trialDir = join(dir, `trial-${index}`);
  mkdirSync(trialDir);
  const file = join(trialDir, 'clinic.sqlite');
  copyFileSync(kind === 'migration' ? templates.old : templates.current, file);
  const { acked, killedDuring } = await runAndKill(file, kind);
  const problems: string[] = [];
  // Reopen as the app would, then check with a plain connection.
  const db = await openDatabase(file);
  const dispatch = createDispatch(db);
  void dispatch;
  await db.destroy();
  const raw = new Database(file, { readonly: true });
  const mrns = new Set(raw.prepare("SELECT mrn FROM patients WHERE mrn LIKE 'C-%'").pluck().all() as string[]);
  const lost = acked.filter((m) => !mrns.has(m)).length;
  if (lost > 0) problems.push(`${lost} acknowledged writes missing`);
  const integrity = raw.prepare('PRAGMA integrity_check').pluck().all() as string[];
  const integrityFailures = integrity.length === 1 && integrity[0] === 'ok' ? 0 : 1;
  if (integrityFailures) problems.push(`integrity_check: ${integrity.slice(0, 3).join('; ')}`);
  const foreignKeyFailures = raw.prepare('PRAGMA foreign_key_check').all().length > 0 ? 1 : 0;
  // One audit entry per write: every patient the child created has exactly one 'create' entry.
  const auditMismatches = raw
    .prepare(
      `SELECT count(*) FROM patients p
       WHERE p.mrn LIKE 'C-%'
         AND (SELECT count(*) FROM audit_log a WHERE a.entity = 'patient' AND a.entity_id = p.id AND a.action = 'create') <> 1`,
    )
    .pluck()
    .get() as number;
  const orphanAudits = raw
    .prepare("SELECT count(*) FROM audit_log a WHERE a.entity = 'patient' AND a.action = 'create' AND NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = a.entity_id)")
    .pluck()
    .get() as number;
  raw.close();
  if (auditMismatches + orphanAudits > 0) problems.push(`${auditMismatches + orphanAudits} writes without exactly one audit entry`);
  const partialBackups = partialBackupsIn(backupFolderOf(file), problems);
  if (partialBackups) problems.push(`${partialBackups} partial backups under a final name`);
  if (problems.length === 0) rmSync(trialDir, { recursive: true, force: true });
  return {
    kind,
    acknowledged: acked.length,
    lost,
    integrityFailures,
    foreignKeyFailures,
    auditMismatches: auditMismatches + orphanAudits,
    partialBackups,
    killedDuring,
    problems,
  };
}

export async function crashtest(trials: number, onTrial?: (index: number, result: TrialResult) => void): Promise<Summary & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tms-crashtest-'));
  const templates = await makeTemplates(dir);
  const kinds: TrialKind[] = ['writes', 'backup', 'migration'];
  const summary: Summary = {
    trials: 0,
    acknowledged: 0,
    lost: 0,
    integrityFailures: 0,
    partialBackups: 0,
    foreignKeyFailures: 0,
    auditMismatches: 0,
    killedDuringBackup: 0,
    killedDuringMigration: 0,
  };
  for (let i = 0; i < trials; i += 1) {
    const kind = kinds[i % kinds.length] ?? 'writes';
    const result = await runTrial(dir, templates, kind, i);
    summary.trials += 1;
    summary.acknowledged += result.acknowledged;
    summary.lost += result.lost;
    summary.integrityFailures += result.integrityFailures + result.foreignKeyFailures;
    summary.foreignKeyFailures += result.foreignKeyFailures;
    summary.auditMismatches += result.auditMismatches;
    summary.partialBackups += result.partialBackups;
    if (kind === 'backup' && result.killedDuring) summary.killedDuringBackup += 1;
    if (kind === 'migration' && result.killedDuring) summary.killedDuringMigration += 1;
    onTrial?.(i, result);
  }
  return { ...summary, dir };
}
