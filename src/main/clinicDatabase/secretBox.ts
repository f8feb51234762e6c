/**
 * Seals a short secret (the clinic server's password) with a key the operating system keeps for
 * this user, so the setting file never holds it in plain text. The app's implementation is
 * Electron's safeStorage (src/main/electron/safeStorageBox.ts).
 */
export interface SecretBox {
  /** null when secrets can be sealed here; otherwise why not, in words for the administrator. */
  problem(): string | null;
  /** The sealed bytes as base64. Throws when `problem()` is not null. */
  seal(secret: string): string;
  /** The secret back from `seal`'s output. Throws when it cannot be opened (another user, another machine). */
  open(sealed: string): string;
}
