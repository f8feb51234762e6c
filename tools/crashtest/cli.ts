import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { crashtest } from './crashtest';

/**
 * `npm run crashtest -- [--trials N] [--keep]`: kills the app's own writers at random moments
 * (also during backups and during the open that backs up and migrates an older file), reopens,
 * and checks. Progress goes to stderr; the last line on stdout is one JSON object.
 */
const { values } = parseArgs({ options: { trials: { type: 'string', default: '20' }, keep: { type: 'boolean', default: false } } });
const trials = Number(values.trials);
if (!Number.isInteger(trials) || trials < 1) {
  console.error('Usage: npm run crashtest -- --trials N');
  process.exit(2);
}
const started = performance.now();
const summary = await crashtest(trials, (i, r) => {
  const line = `trial ${i + 1}/${trials} ${r.kind.padEnd(9)} acked ${String(r.acknowledged).padStart(5)}${r.killedDuring ? ' (killed during)' : ''}${r.problems.length ? ` PROBLEMS: ${r.problems.join(' | ')}` : ''}`;
  console.error(line);
});
const seconds = Math.round((performance.now() - started) / 100) / 10;
const { dir, ...rest } = summary;
const failed = rest.lost + rest.integrityFailures + rest.partialBackups + rest.auditMismatches > 0;
if (!failed && !values.keep) rmSync(dir, { recursive: true, force: true });
else console.error(`Trial files kept in ${dir}`);
console.log(JSON.stringify({ trials: rest.trials, acknowledged: rest.acknowledged, lost: rest.lost, integrityFailures: rest.integrityFailures, partialBackups: rest.partialBackups, auditMismatches: rest.auditMismatches, killedDuringBackup: rest.killedDuringBackup, killedDuringMigration: rest.killedDuringMigration, seconds }));
if (failed) process.exitCode = 1;
