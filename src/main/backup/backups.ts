import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { type BackupInfo, type BackupKind, backupKinds, type BackupList } from '../../shared/schemas/backup';
import { encryptFile, type Keyring } from './crypto';
import { commitFile, createPrivateFile, PARTIAL_SUFFIX, removeQuietly, writePrivateFileAtomic } from './files';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionRule } from './retention';
import { verifyCopy, type Verification } from './verify';

export const PLAIN_EXTENSION = '.sqlite';
export const ENCRYPTED_EXTENSION = '.tmsbackup';
const META_EXTENSION = '.json';
const SETTINGS_FILE = 'backup-settings.json';
/** A `.partial` file this old is left over from a crash, not being written by a live process. */
const STALE_PARTIAL_MS = 10 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupSettings {
  retention: RetentionRule;
  /** A second folder (network share, USB drive); copies there are always encrypted. */
  secondFolder: string | null;
  keyring: Keyring | null;
}

/** What is recorded beside each backup when it has been verified (no patient data). */
interface BackupMeta {
  kind: BackupKind;
  createdAt: string;
  bytes: number;
  encrypted: boolean;
  schemaVersion: number;
  counts: Verification['counts'];
  sha256: string;
  keyId: string | null;
}

export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

export function backupFolderOf(dbFile: string): string {
  return join(dirname(resolve(dbFile)), 'backups');
}

export function readBackupSettings(dbFile: string): BackupSettings {
  const path = join(backupFolderOf(dbFile), SETTINGS_FILE);
  if (!existsSync(path)) return { retention: DEFAULT_RETENTION, secondFolder: null, keyring: null };
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<BackupSettings>;
  return { retention: parsed.retention ?? DEFAULT_RETENTION, secondFolder: parsed.secondFolder ?? null, keyring: parsed.keyring ?? null };
}

export function writeBackupSettings(dbFile: string, settings: BackupSettings): void {
  const folder = ensureFolder(backupFolderOf(dbFile));
  writePrivateFileAtomic(join(folder, SETTINGS_FILE), JSON.stringify(settings, null, 2));
}

function ensureFolder(folder: string): string {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('.', '');
}

export function backupName(kind: BackupKind, at: Date, encrypted: boolean): string {
  return `tms-backup-${stamp(at)}-${kind}${encrypted ? ENCRYPTED_EXTENSION : PLAIN_EXTENSION}`;
}

const NAME = /^tms-backup-(\d{8})T(\d{6})(\d{3})Z-([a-z-]+)\.(sqlite|tmsbackup)$/;

function parseName(name: string): { createdAt: Date; kind: BackupKind; encrypted: boolean } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, d, t, ms, kind, ext] = match as unknown as [string, string, string, string, string, string];
  if (!(backupKinds as readonly string[]).includes(kind)) return null;
  const createdAt = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}.${ms}Z`);
  return { createdAt, kind: kind as BackupKind, encrypted: ext === 'tmsbackup' };
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function listFolder(folder: string, location: 'primary' | 'second'): BackupInfo[] {
  if (!existsSync(folder)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const bytes = statSync(join(folder, name)).size;
    let meta: BackupMeta | null;
    try {
      meta = JSON.parse(readFileSync(join(folder, name + META_EXTENSION), 'utf8')) as BackupMeta;
    } catch {
      meta = null;
    }
    out.push({
      name,
      location,
      kind: parsed.kind,
      createdAt: parsed.createdAt.toISOString(),
      bytes,
      encrypted: parsed.encrypted,
      verification: meta === null ? 'unverified' : meta.bytes === bytes ? 'verified' : 'changed',
      schemaVersion: meta?.schemaVersion ?? null,
      counts: meta?.counts ?? null,
    });
  }
  return out;
}

/** Every backup in the backups folder and the second folder, newest first. */
export function listBackups(dbFile: string, secondFolderProblem: string | null = null): BackupList {
  const settings = readBackupSettings(dbFile);
  const folder = backupFolderOf(dbFile);
  const backups = [...listFolder(folder, 'primary'), ...(settings.secondFolder ? listFolder(settings.secondFolder, 'second') : [])];
  backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.location.localeCompare(b.location));
  return { folder, secondFolder: settings.secondFolder, passphraseSet: settings.keyring !== null, retention: settings.retention, backups, secondFolderProblem };
}

/** The path of a listed backup; refuses names that are not ours. */
export function backupPath(dbFile: string, name: string, location: 'primary' | 'second'): string {
  if (!parseName(name)) throw new BackupError(`${name} is not a backup name.`);
  const folder = location === 'primary' ? backupFolderOf(dbFile) : readBackupSettings(dbFile).secondFolder;
  if (!folder) throw new BackupError('No second backup folder is set.');
  const path = join(folder, name);
  if (!existsSync(path)) throw new BackupError(`The backup ${name} is not there any more.`);
  return path;
}

/** Removes `.partial` files left by a crash (older than a few minutes, so not a live writer's). */
export function removeStalePartials(folder: string, now: Date): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue;
    const path = join(folder, name);
    if (now.getTime() - statSync(path).mtimeMs > STALE_PARTIAL_MS) removeQuietly(path);
  }
}

function applyRetention(folder: string, rule: RetentionRule, protect: readonly string[] = []): void {
  const items = readdirSync(folder).flatMap((name) => {
    const parsed = parseName(name);
    return parsed ? [{ name, kind: parsed.kind, createdAt: parsed.createdAt }] : [];
  });
  const keep = backupsToKeep(items, rule, protect);
  for (const item of items) {
    if (!keep.has(item.name)) removeQuietly(join(folder, item.name), join(folder, item.name + META_EXTENSION));
  }
}

export interface CreatedBackup {
  path: string;
  info: BackupInfo;
  /** The encrypted copy in the second folder, if one was written. */
  secondCopy: string | null;
  /** Why no second copy was written although a second folder is set. */
  secondFolderProblem: string | null;
}

/**
 * Copies the open database with SQLite's online backup API to a temporary name, verifies the copy
 * (integrity_check, schema version, row counts), records what it found beside it, and only then
 * gives it its final name. A crash at any point leaves either nothing or a `.partial` file,
 * never a partial file under a backup's name. Then, if a second folder is set, an encrypted copy
 * goes there the same way, and the retention rule is applied to both folders.
 */
export async function createBackup(
  raw: Database.Database,
  dbFile: string,
  kind: BackupKind,
  now: Date,
  options: { settings?: BackupSettings; folder?: string; protect?: readonly string[] } = {},
): Promise<CreatedBackup> {
  const settings = options.settings ?? readBackupSettings(dbFile);
  const folder = ensureFolder(options.folder ?? backupFolderOf(dbFile));
  const name = backupName(kind, now, false);
  const final = join(folder, name);
  const temp = final + PARTIAL_SUFFIX;
  removeQuietly(temp);
  createPrivateFile(temp);
  let verification: Verification;
  try {
    await raw.backup(temp);
    verification = verifyCopy(temp);
  } catch (error) {
    removeQuietly(temp, `${temp}-journal`);
    throw new BackupError(`The backup could not be written to ${folder}: ${String(error)}`, { cause: error });
  }
  const expectedVersion = raw.pragma('user_version', { simple: true }) as number;
  if (verification.integrity !== 'ok' || verification.schemaVersion !== expectedVersion) {
    removeQuietly(temp);
    throw new BackupError(
      `The backup copy failed its check (${verification.integrity === 'ok' ? `schema ${verification.schemaVersion}, expected ${expectedVersion}` : verification.integrity}); it was not kept.`,
    );
  }
  const bytes = statSync(temp).size;
  const meta: BackupMeta = {
    kind,
    createdAt: now.toISOString(),
    bytes,
    encrypted: false,
    schemaVersion: verification.schemaVersion,
    counts: verification.counts,
    sha256: await sha256Of(temp),
    keyId: null,
  };
  writePrivateFileAtomic(final + META_EXTENSION, JSON.stringify(meta));
  commitFile(temp, final);
  applyRetention(folder, settings.retention, options.protect);

  let secondCopy: string | null = null;
  let secondFolderProblem: string | null = null;
  if (settings.secondFolder) {
    if (!settings.keyring) {
      secondFolderProblem = 'No copy was written to the second folder: copies outside the app’s folder are encrypted, and no backup passphrase is set.';
    } else {
      try {
        secondCopy = await writeEncryptedCopy(final, meta, settings.secondFolder, settings.keyring, kind, now);
        applyRetention(settings.secondFolder, settings.retention, options.protect);
      } catch (error) {
        secondFolderProblem = `No copy was written to ${settings.secondFolder}: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  }
  const info = listFolder(folder, 'primary').find((b) => b.name === name);
  if (!info) throw new BackupError(`The backup ${name} vanished after it was written.`);
  return { path: final, info, secondCopy, secondFolderProblem };
}

async function writeEncryptedCopy(source: string, meta: BackupMeta, folder: string, keyring: Keyring, kind: BackupKind, now: Date): Promise<string> {
  if (!existsSync(folder)) throw new BackupError(`the folder ${folder} is not there (is the drive connected?)`);
  const final = join(folder, backupName(kind, now, true));
  const temp = final + PARTIAL_SUFFIX;
  try {
    await encryptFile(source, temp, keyring);
    const bytes = statSync(temp).size;
    // Read back what landed on the disk (the share), so a short write is caught here.
    const sha256 = await sha256Of(temp);
    writePrivateFileAtomic(final + META_EXTENSION, JSON.stringify({ ...meta, bytes, encrypted: true, sha256, keyId: keyring.keyId }));
    commitFile(temp, final);
    return final;
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
}

/** The newest backup's time in the backups folder, or null. */
export function newestBackupAt(dbFile: string): Date | null {
  const folder = backupFolderOf(dbFile);
  if (!existsSync(folder)) return null;
  let newest: Date | null = null;
  for (const name of readdirSync(folder)) {
    const parsed = parseName(name);
    if (parsed && (!newest || parsed.createdAt > newest)) newest = parsed.createdAt;
  }
  return newest;
}

export function removeBackupFolder(dbFile: string): void {
  rmSync(backupFolderOf(dbFile), { recursive: true, force: true });
}
