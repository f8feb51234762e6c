import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Makes a rename or link in `dir` durable. Directories cannot be opened for fsync on Windows; the rename itself is still atomic there. */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not supported on this platform.
  }
}
