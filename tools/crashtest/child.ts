import { parseArgs } from 'node:util';
import { BackupService } from '../../src/main/backup/service';
import { openDatabase } from '../../src/main/db';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { writeTestPatient } from './testPatient';

/**
 * The process the crash test kills. It opens the clinic file with the app's own `openDatabase`
 * (on an older file: the pre-migration backup and the migration), then writes patients through
 * the app's own `dispatch` until killed, printing `ack <mrn>` only after dispatch answered ok.
 * With `--backups`, it also makes backups with the app's BackupService, back to back, meanwhile.
 * Lines go to a pipe, which Node writes synchronously on Linux and macOS: a printed ack has left
 * the process before the next write starts.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    backups: { type: 'boolean', default: false },
    actor: { type: 'string', default: '1' },
  },
});
if (!values.db) throw new Error('--db FILE');
const say = (line: string) => process.stdout.write(`${line}\n`);
say('opening');
const db = await openDatabase(values.db);
say('ready');
const dispatch = createDispatch(db, { appVersion: 'crashtest' });
if (values.backups) {
  const service = new BackupService(db, values.db);
  void (async () => {
    for (let i = 0; ; i += 1) {
      say('backup-start');
      // A distinct time per backup, so each gets its own name.
      const info = await service.create('manual', new Date(Date.now() + i));
      say(`backup-done ${info.name}`);
    }
  })();
}
const actorId = Number(values.actor);
for (let n = 1; ; n += 1) {
  const mrn = `C-${n}`;
  const result = await writeTestPatient(dispatch, actorId, mrn, 'Test');
  if (result.ok) say(`ack ${mrn}`);
  else say(`fail ${result.error.code}`);
  // Let the backup's steps run between writes.
  if (values.backups) await new Promise((resolve) => setImmediate(resolve));
}
