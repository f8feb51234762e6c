/** Why a database file could not be opened; the message is shown to the user as is. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: 'too_new' | 'not_ours' | 'unreadable' | 'migration_failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}
