import type { Kysely } from 'kysely';
import type { AppInfo } from '../../shared/schemas/appInfo';
import { engineOf } from '../db/engines/engine';
import type { DB } from '../db/schema';
import { DEMO_PASSWORD } from '../demo/demoAccounts';
import { countStaff } from './staff';

async function demoAccounts(db: Kysely<DB>): Promise<Array<{ username: string; name: string; role: string }>> {
  const rows = await db.selectFrom('staff').select(['username', 'name', 'role']).where('active', '=', 1).where('username', 'is not', null).orderBy('role').orderBy('id').execute();
  const one = (role: string) => rows.find((r) => r.role === role);
  return [one('psychiatrist'), one('technician'), one('admin')].flatMap((r) => (r?.username ? [{ username: r.username, name: r.name, role: r.role }] : []));
}

/** Empty once anyone has a password: then nobody's name is shown before sign-in. */
async function setUpCandidates(db: Kysely<DB>): Promise<Array<{ id: number; name: string }>> {
  const anyPassword = await db.selectFrom('staff').select('id').where('password_hash', 'is not', null).limit(1).execute();
  if (anyPassword.length > 0) return [];
  return db.selectFrom('staff').select(['id', 'name']).where('active', '=', 1).where('role', 'in', ['admin', 'psychiatrist']).orderBy('name').execute();
}

export async function getAppInfo(db: Kysely<DB>, appVersion: string, demo: boolean, logPath: string | null = null): Promise<AppInfo> {
  const engine = engineOf(db);
  const [schemaVersion, databasePath] = await Promise.all([engine.schemaVersion(db), engine.location(db)]);
  return {
    version: appVersion,
    schemaVersion,
    databasePath,
    engine: engine.name,
    logPath,
    staffCount: await countStaff(db),
    demo,
    demoSignIn: demo ? { password: DEMO_PASSWORD, accounts: await demoAccounts(db) } : null,
    signInSetupCandidates: await setUpCandidates(db),
  };
}
