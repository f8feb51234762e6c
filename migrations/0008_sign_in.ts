import { type Kysely, sql } from 'kysely';

const ISO_TIME = `GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'`;

/**
 * Sign-in: staff get a username and a password hash (scrypt, parameters stored with the hash),
 * failed attempts and a lock-out time. Staff from before this version have neither: the first
 * staff manager sets up sign-in for themselves and resets the others' passwords.
 *
 * Settings become open-ended keys (lock timeout, who manages staff, …), so the table is rebuilt
 * without the list of keys in its CHECK.
 *
 * Sessions above the prescription entered by a technician without an on-the-spot co-signature
 * wait in pending_sessions, not counted as delivered, until a psychiatrist signs or declines.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE staff ADD COLUMN username TEXT CHECK (username IS NULL OR (length(username) BETWEEN 3 AND 40 AND username NOT GLOB '*[^a-z0-9._-]*'))`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN password_hash TEXT CHECK (password_hash IS NULL OR password_hash GLOB 'scrypt$*')`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0)`.execute(db);
  await sql.raw(`ALTER TABLE staff ADD COLUMN locked_until TEXT CHECK (locked_until IS NULL OR locked_until ${ISO_TIME})`).execute(db);
  await sql`CREATE UNIQUE INDEX staff_username ON staff (username) WHERE username IS NOT NULL`.execute(db);

  await sql`ALTER TABLE settings RENAME TO settings_0004`.execute(db);
  await sql.raw(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 60 AND key NOT GLOB '*[^a-z0-9_]*'),
      value TEXT NOT NULL CHECK (length(value) <= 2000),
      updated_by INTEGER REFERENCES staff (id),
      updated_at TEXT NOT NULL CHECK (updated_at ${ISO_TIME})
    ) STRICT
  `).execute(db);
  await sql`INSERT INTO settings (key, value, updated_by, updated_at) SELECT key, value, updated_by, updated_at FROM settings_0004`.execute(db);
  await sql`DROP TABLE settings_0004`.execute(db);

  await sql.raw(`
    CREATE TABLE pending_sessions (
      id INTEGER PRIMARY KEY,
      course_id INTEGER NOT NULL REFERENCES courses (id),
      fields_json TEXT NOT NULL CHECK (json_valid(fields_json)),
      findings TEXT NOT NULL CHECK (length(findings) BETWEEN 1 AND 2000),
      entered_by INTEGER NOT NULL REFERENCES staff (id),
      entered_at TEXT NOT NULL CHECK (entered_at ${ISO_TIME}),
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'signed', 'declined')),
      resolved_by INTEGER REFERENCES staff (id),
      resolved_at TEXT CHECK (resolved_at IS NULL OR resolved_at ${ISO_TIME}),
      resolution_note TEXT CHECK (resolution_note IS NULL OR length(resolution_note) <= 500),
      session_id INTEGER REFERENCES treatment_sessions (id),
      CHECK ((status = 'pending') = (resolved_by IS NULL)),
      CHECK ((status = 'signed') = (session_id IS NOT NULL))
    ) STRICT
  `).execute(db);
  await sql`CREATE INDEX pending_sessions_open ON pending_sessions (course_id) WHERE status = 'pending'`.execute(db);
  await sql`
    CREATE TRIGGER pending_sessions_resolved_once BEFORE UPDATE ON pending_sessions WHEN OLD.status != 'pending'
    BEGIN SELECT RAISE(ABORT, 'A co-signature request is resolved once'); END
  `.execute(db);
  await sql`
    CREATE TRIGGER pending_sessions_no_delete BEFORE DELETE ON pending_sessions
    BEGIN SELECT RAISE(ABORT, 'Co-signature requests are kept'); END
  `.execute(db);
}
