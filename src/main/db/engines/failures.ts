/**
 * What a failed statement means, whichever engine raised it: better-sqlite3 gives SQLite's
 * extended result codes (`SQLITE_CONSTRAINT_CHECK`, …) in `code`; `pg` gives PostgreSQL's
 * SQLSTATE (`23514`, …). The migrations' refusing triggers raise class 23 on PostgreSQL, as
 * SQLite's RAISE(ABORT) gives SQLITE_CONSTRAINT_TRIGGER.
 */
function codeOf(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** A CHECK, UNIQUE, foreign key, NOT NULL or trigger refused the change. */
export function isConstraintViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (code.startsWith('SQLITE_CONSTRAINT') || /^23[0-9A-Z]{3}$/.test(code));
}

/**
 * Another writer held what this change needed for longer than it could wait: SQLite's BUSY or
 * LOCKED past busy_timeout; PostgreSQL's lock timeout (55P03), serialization failure (40001)
 * or deadlock (40P01).
 */
export function isBusy(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '55P03' || code === '40001' || code === '40P01');
}
