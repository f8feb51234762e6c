import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { twoWriters } from './twoWriters';

/** `npm run twowriters -- [--seconds 15] [--writers 2]`: writer processes on one file; last line JSON. */
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '15' }, writers: { type: 'string', default: '2' } } });
const started = performance.now();
const { file, results, patients } = await twoWriters(Number(values.seconds) * 1000, Number(values.writers));
const ok = results.reduce((s, r) => s + r.ok, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
const wallSeconds = Math.round((performance.now() - started) / 100) / 10;
console.log(JSON.stringify({ seconds: Number(values.seconds), writers: results.length, ok, failed, patientsInFile: patients, wallSeconds, results }));
rmSync(dirname(file), { recursive: true, force: true });
if (failed > 0 || ok !== patients) process.exitCode = 1;
