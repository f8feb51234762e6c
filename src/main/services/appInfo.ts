import { type Kysely, sql } from 'kysely';
import type { AppInfo } from '../../shared/schemas/appInfo';
import type { DB } from '../db/schema';
import { countStaff } from './staff';

export async function getAppInfo(db: Kysely<DB>, appVersion: string, demo: boolean): Promise<AppInfo> {
  const [{ rows: versionRows }, { rows: fileRows }] = await Promise.all([
    sql<{ user_version: number }>`PRAGMA user_version`.execute(db),
    sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db),
  ]);
  return {
    version: appVersion,
    schemaVersion: versionRows[0]?.user_version ?? 0,
    databasePath: fileRows.find((r) => r.name === 'main')?.file ?? '',
    staffCount: await countStaff(db),
    demo,
  };
}
