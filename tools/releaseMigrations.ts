import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../migrations';

/**
 * Records the hash of every migration in migrations/released.json. Run it when a version
 * ships: from then on the test suite fails if a released migration is edited.
 */
const dir = join(import.meta.dirname, '../migrations');
const hashes = Object.fromEntries(
  migrations.map((m) => [m.name, createHash('sha256').update(readFileSync(join(dir, `${m.name}.ts`))).digest('hex')]),
);
writeFileSync(join(dir, 'released.json'), `${JSON.stringify(hashes, null, 2)}\n`);
console.log(`Frozen: ${Object.keys(hashes).join(', ')}`);
