import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/main/db';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { writeTestPatient } from './testPatient';

/**
 * A writer process: opens the clinic file with the app's own `openDatabase` and writes patients
 * through the app's own `dispatch`, one after the other, for `--duration` ms (or until killed).
 * Each acknowledged write is printed as `ack <mrn>` *after* dispatch answered ok, so a parent that
 * kills this process knows exactly which writes the app had confirmed. The last line is a JSON
 * summary `{ ok, failed, errors }` (absent when killed).
 *
 * `--actor` is the staff id the writes are made as (signed in, as a host would pass it).
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    label: { type: 'string', default: 'W' },
    duration: { type: 'string', default: '1000' },
    actor: { type: 'string', default: '1' },
  },
});
if (!values.db) {
  console.error('Usage: writer --db FILE [--label L] [--duration MS] [--actor ID]');
  process.exit(2);
}
const db = await openDatabase(values.db);
const dispatch = createDispatch(db, { appVersion: 'writer' });
const actorId = Number(values.actor);
const until = Date.now() + Number(values.duration);
let ok = 0;
let failed = 0;
const errors: Record<string, number> = {};
for (let n = 1; Date.now() < until; n += 1) {
  const mrn = `${values.label}-${n}`;
  const result = await writeTestPatient(dispatch, actorId, mrn, `Writer ${values.label}`);
  if (result.ok) {
    ok += 1;
    process.stdout.write(`ack ${mrn}\n`);
  } else {
    failed += 1;
    errors[result.error.code] = (errors[result.error.code] ?? 0) + 1;
  }
}
await db.destroy();
process.stdout.write(`${JSON.stringify({ ok, failed, errors })}\n`);
