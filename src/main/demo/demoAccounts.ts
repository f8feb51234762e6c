import Database from 'better-sqlite3';
import { hashPassword } from '../auth/passwords';

/** Every generated staff member signs in with this password (shown on the demo's sign-in screen). */
export const DEMO_PASSWORD = 'demo-password';

/** "Dr. Maya Patel" → "maya.patel": what a clinic would pick, unique by adding the id on a clash. */
export function usernameFor(name: string, id: number, taken: Set<string>): string {
  const base = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^dr\.?\s+/, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 34);
  const candidate = base.length >= 3 ? base : `staff.${id}`;
  const username = taken.has(candidate) ? `${candidate}.${id}` : candidate;
  taken.add(username);
  return username;
}

/** Gives every staff member of a generated clinic a username and the demo password (one hash: it is demo data). */
export async function giveDemoAccounts(file: string): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const db = new Database(file);
  try {
    const staff = db.prepare('SELECT id, name FROM staff ORDER BY id').all() as Array<{ id: number; name: string }>;
    const update = db.prepare('UPDATE staff SET username = ?, password_hash = ? WHERE id = ?');
    const taken = new Set<string>();
    db.transaction(() => {
      for (const s of staff) update.run(usernameFor(s.name, s.id, taken), hash, s.id);
    })();
  } finally {
    db.close();
  }
}
