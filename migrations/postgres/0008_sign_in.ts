import type { Kysely } from 'kysely';
import { ID, isoTime, onlyChars, refuse, run } from './sql';

/** PostgreSQL variant of 0008_sign_in: staff sign-in columns, open-ended settings, pending sessions. */
export async function up(db: Kysely<any>): Promise<void> {
  await run(db, `ALTER TABLE staff ADD COLUMN username text CHECK (username IS NULL OR (length(username) BETWEEN 3 AND 40 AND ${onlyChars('username', 'a-z0-9._-')}))`);
  await run(db, `ALTER TABLE staff ADD COLUMN password_hash text CHECK (password_hash IS NULL OR password_hash LIKE 'scrypt$%')`);
  await run(db, `ALTER TABLE staff ADD COLUMN must_change_password integer NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))`);
  await run(db, `ALTER TABLE staff ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0)`);
  await run(db, `ALTER TABLE staff ADD COLUMN locked_until text CHECK (locked_until IS NULL OR ${isoTime('locked_until')})`);
  await run(db, `CREATE UNIQUE INDEX staff_username ON staff (username) WHERE username IS NOT NULL`);

  // SQLite rebuilds the table to drop the list of keys from its CHECK; PostgreSQL swaps the CHECK.
  await run(db, `ALTER TABLE settings DROP CONSTRAINT settings_key_check`);
  await run(db, `ALTER TABLE settings ADD CONSTRAINT settings_key_check CHECK (length(key) BETWEEN 1 AND 60 AND ${onlyChars('key', 'a-z0-9_')})`);
  await run(db, `ALTER TABLE settings DROP CONSTRAINT settings_value_check`);
  await run(db, `ALTER TABLE settings ADD CONSTRAINT settings_value_check CHECK (length(value) <= 2000)`);

  await run(db, `
    CREATE TABLE pending_sessions (
      ${ID},
      course_id integer NOT NULL REFERENCES courses (id),
      fields_json text NOT NULL CHECK (tms_json_valid(fields_json)),
      findings text NOT NULL CHECK (length(findings) BETWEEN 1 AND 2000),
      entered_by integer NOT NULL REFERENCES staff (id),
      entered_at text NOT NULL CHECK (${isoTime('entered_at')}),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'signed', 'declined')),
      resolved_by integer REFERENCES staff (id),
      resolved_at text CHECK (resolved_at IS NULL OR ${isoTime('resolved_at')}),
      resolution_note text CHECK (resolution_note IS NULL OR length(resolution_note) <= 500),
      session_id integer REFERENCES treatment_sessions (id),
      CHECK ((status = 'pending') = (resolved_by IS NULL)),
      CHECK ((status = 'signed') = (session_id IS NOT NULL))
    )`);
  await run(db, `CREATE INDEX pending_sessions_open ON pending_sessions (course_id) WHERE status = 'pending'`);
  await refuse(db, 'pending_sessions_resolved_once', 'BEFORE UPDATE', 'pending_sessions', 'A co-signature request is resolved once', `OLD.status <> 'pending'`);
  await refuse(db, 'pending_sessions_no_delete', 'BEFORE DELETE', 'pending_sessions', 'Co-signature requests are kept');
}
