import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fsyncDir } from '../db/fsyncDir';
import { dirname } from 'node:path';

/** Database, WAL, backups and exports: readable by the user only (Linux and macOS). */
export const PRIVATE_MODE = 0o600;
/** The suffix of a file still being written; never a final name. */
export const PARTIAL_SUFFIX = '.partial';

/** Creates (or truncates) an empty file readable by the user only. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'w', PRIVATE_MODE));
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export { fsyncDir } from '../db/fsyncDir';

/** fsyncs `temp`, renames it to `final` and fsyncs the folder: `final` is whole or absent. */
export function commitFile(temp: string, final: string): void {
  fsyncFile(temp);
  renameSync(temp, final);
  fsyncDir(dirname(final));
}

/** Writes a small file atomically (temporary name, fsync, rename), readable by the user only. */
export function writePrivateFileAtomic(path: string, data: string | Buffer): void {
  const temp = `${path}${PARTIAL_SUFFIX}`;
  writeFileSync(temp, data, { mode: PRIVATE_MODE });
  commitFile(temp, path);
}

export function removeQuietly(...paths: string[]): void {
  for (const path of paths) rmSync(path, { force: true });
}
