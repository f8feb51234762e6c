import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/main/db';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { HostSessions } from '../../src/main/ipc/hostSession';
import { summarize } from './stats';

/**
 * `npx tsx tools/bench/signIn.ts [--runs N]`: how long signing in takes through dispatch (scrypt
 * N = 2^15, the audit entry, the session), a wrong password beside it (the same scrypt work plus the
 * failure's audit entry), and one signed-in call's identity check (the staff row and settings read
 * dispatch adds to every call). The last line printed is one JSON object.
 */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'tms-signin-bench-'));
try {
  const db = await openDatabase(join(dir, 'clinic.sqlite'));
  const dispatch = createDispatch(db, { validateOutput: false });
  const password = 'a long enough password';
  const first = await dispatch('staff:createFirst', { name: 'Dr. Bench', username: 'bench', role: 'psychiatrist', password }, { now: new Date() });
  if (!first.ok) throw new Error(first.error.message);
  const sessions = new HostSessions<number>();
  const time = async (action: () => Promise<unknown>) => {
    const started = performance.now();
    await action();
    return performance.now() - started;
  };
  const signIn: number[] = [];
  const wrong: number[] = [];
  const signedInCall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const session = sessions.get(i);
    signIn.push(await time(() => dispatch('auth:signIn', { username: 'bench', password }, { now: new Date(), session })));
    // Four wrong attempts, then a right one, so the account never locks.
    if (i % 5 !== 4) wrong.push(await time(() => dispatch('auth:signIn', { username: 'bench', password: 'not the password' }, { now: new Date(), session: sessions.get(-1) })));
    else await dispatch('auth:signIn', { username: 'bench', password }, { now: new Date(), session: sessions.get(-1) });
    signedInCall.push(await time(() => dispatch('auth:session', {}, { now: new Date(), session })));
  }
  await db.destroy();
  const result = { signIn: summarize(signIn), wrongPassword: summarize(wrong), signedInSessionCall: summarize(signedInCall) };
  console.error(`sign-in ${result.signIn.median} ms median (p95 ${result.signIn.p95}); wrong password ${result.wrongPassword.median} ms; a signed-in auth:session call ${result.signedInSessionCall.median} ms`);
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
