import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, giveDemoAccounts } from '../../src/main/demo/demoAccounts';
import { generateClinic } from '../../src/main/demo/generateClinic';
import { localIsoDate } from '../../src/shared/dates';

/** `npm run seed -- --db FILE --patients N [--seed S] [--today YYYY-MM-DD]`: a generated clinic in a new file. */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    patients: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    today: { type: 'string' },
  },
});
const patients = Number(values.patients);
const seed = Number(values.seed);
if (!values.db || !Number.isInteger(patients) || patients < 1 || !Number.isInteger(seed)) {
  console.error('Usage: npm run seed -- --db FILE --patients N [--seed S] [--today YYYY-MM-DD]');
  process.exit(2);
}
const file = resolve(values.db);
if (existsSync(file)) {
  console.error(`${file} exists. The generator writes only into a new file, so it can never mix demo data into a clinic's records.`);
  process.exit(2);
}
const today = values.today ?? localIsoDate(new Date());
const started = performance.now();
const counts = await generateClinic(file, { patients, seed, today });
await giveDemoAccounts(file);
const seconds = (performance.now() - started) / 1000;
const megabytes = statSync(file).size / 1e6;
console.log(`Generated ${file} in ${seconds.toFixed(1)} s (${megabytes.toFixed(0)} MB), today = ${today}, seed ${seed}:`);
console.log(`Every staff member signs in with the password "${DEMO_PASSWORD}" (usernames: the names in lower case, e.g. maya.patel).`);
console.log(JSON.stringify({ ...counts, seconds: Number(seconds.toFixed(2)), megabytes: Number(megabytes.toFixed(1)) }));
