import { rmSync } from 'node:fs';
import { DEMO_CLINIC_PATIENTS } from '../../shared/schemas/appInfo';
import { giveDemoAccounts } from './demoAccounts';
import { generateClinic } from './generateClinic';

const DEMO_SEED = 2026;

/**
 * What a host does to swap the clinic's database for the demo and back. The Electron app
 * restarts itself on the other file; the web test host reopens its dispatch on it.
 */
export interface ClinicSwitcher {
  /** True when the open database is the demo clinic. */
  readonly demo: boolean;
  openDemo(today: string): Promise<{ relaunching: boolean }>;
  leaveDemo(): Promise<{ relaunching: boolean }>;
}

/**
 * Builds a fresh demo clinic in `file`, replacing an earlier one, so its active courses are
 * current as of `today`. Only ever called with the demo's own file, never the clinic's.
 */
export async function rebuildDemoClinic(file: string, today: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  await generateClinic(file, { patients: DEMO_CLINIC_PATIENTS, seed: DEMO_SEED, today });
  await giveDemoAccounts(file);
}
