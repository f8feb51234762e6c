import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../src/main/clinicDatabase/secretBox';

/**
 * A SecretBox for the web host and the tests (never the app, which uses the operating system's
 * key store through Electron's safeStorage): AES-256-GCM under a key held in memory, so what it
 * seals opens only in the same process. `problem` can be given to act as a workstation where the
 * operating system offers no key store.
 */
export function keySecretBox(problem: string | null = null): SecretBox {
  const key = randomBytes(32);
  return {
    problem: () => problem,
    seal(secret) {
      if (problem) throw new Error(problem);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
