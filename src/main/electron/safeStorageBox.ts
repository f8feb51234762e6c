import { safeStorage } from 'electron';
import type { SecretBox } from '../clinicDatabase/secretBox';

/**
 * The clinic server's password sealed with the operating system's key store (macOS Keychain,
 * Windows DPAPI, the Linux secret service). Refuses when there is none: on Linux without a secret
 * service Electron falls back to 'basic_text', a key written into Chromium itself — not a secret.
 */
export function safeStorageBox(): SecretBox {
  const problem = (): string | null => {
    if (!safeStorage.isEncryptionAvailable()) {
      return 'This computer offers no protected storage for passwords (its key store is not available), so the server password cannot be saved.';
    }
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'This computer has no password store (a secret service such as GNOME Keyring or KWallet) for TMS Course Tracker to keep the server password in, so it cannot be saved. Ask IT to set one up.';
    }
    return null;
  };
  return {
    problem,
    seal(secret) {
      const why = problem();
      if (why) throw new Error(why);
      return safeStorage.encryptString(secret).toString('base64');
    },
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
