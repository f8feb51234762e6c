import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/** A temporary sibling name for `path`. */
export function tempSiblingOf(path: string): string {
  return `${path}.${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Writes the whole file to a temporary sibling (readable by the user only), syncs it, then
 * renames it over the target.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, temp = tempSiblingOf(path)): Promise<void> {
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
