import { copyFileSync, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupService } from '../../src/main/backup/service';
import { hashPassword } from '../../src/main/auth/passwords';
import { openDatabase } from '../../src/main/db';
import { restoreAtRecovery } from '../../src/main/recovery/restoreAtRecovery';

/** `npx tsx tools/crashtest/measureBackup.ts --db CLINIC`: backup, preview, restore and recovery-screen restore times on a copy. */
const { values } = parseArgs({ options: { db: { type: 'string' } } });
if (!values.db) throw new Error('--db FILE');
const dir = mkdtempSync(join(tmpdir(), 'tms-measure-'));
const file = join(dir, 'clinic.sqlite');
copyFileSync(values.db, file);
const ms = (t: number) => Math.round(performance.now() - t);
let t = performance.now();
let db = await openDatabase(file);
const openMs = ms(t);
// The generated clinic has no administrator; restoring needs one.
const at = new Date().toISOString();
const PASSWORD = 'measuring admin password';
const admin = await db
  .insertInto('staff')
  .values({ name: 'Measuring Admin', role: 'admin', active: 1, created_at: at, updated_at: at, username: 'measure', password_hash: await hashPassword(PASSWORD) })
  .returning(['id', 'name'])
  .executeTakeFirstOrThrow();
const service = new BackupService(db, file, {
  swap: async (replace) => {
    await db.destroy();
    await replace();
    db = await openDatabase(file);
    return { restarting: false };
  },
});
t = performance.now();
const backup = await service.create('manual', new Date());
const backupMs = ms(t);
t = performance.now();
await service.preview({ name: backup.name, location: 'primary' }, new Date());
const previewMs = ms(t);
t = performance.now();
await service.restore({ now: new Date(Date.now() + 1000), actor: { id: admin.id, name: admin.name, role: 'admin', mustChangePassword: false } }, { name: backup.name, location: 'primary', confirmName: backup.name });
const restoreMs = ms(t);
// The recovery screen: the file was cut to 0 bytes; an administrator of the backup restores it.
await db.destroy();
truncateSync(file, 0);
t = performance.now();
await restoreAtRecovery(file, { name: backup.name, confirmName: backup.name, username: 'measure', password: PASSWORD }, new Date(Date.now() + 2000), 'Measured');
const recoveryRestoreMs = ms(t);
db = await openDatabase(file);
console.log(JSON.stringify({ megabytes: Math.round(statSync(file).size / 1e6), counts: backup.counts, openMs, backupMs, previewMs, restoreMs, recoveryRestoreMs }));
await db.destroy();
rmSync(dir, { recursive: true, force: true });
