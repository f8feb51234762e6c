import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { RecoveryStatus } from '../../shared/schemas/recovery';
import { openServerClinic } from './openServerClinic';
import { localPatients } from './service';
import { type ClinicDatabaseSettingStore, describeServer } from './settingStore';

export type WorkstationStart =
  | { kind: 'local' }
  | { kind: 'server'; db: Kysely<DB>; server: string }
  | { kind: 'server_problem'; status: Extract<RecoveryStatus, { state: 'server' }> };

/**
 * What a host opens at start, from the workstation's setting: this computer's file (the host
 * opens it as before), the clinic server, or — when the server cannot be used — the status the
 * start screen shows, with this computer's clinic offered instead.
 */
export async function startWorkstation(store: ClinicDatabaseSettingStore, localFile: string, options: { timeoutMs?: number } = {}): Promise<WorkstationStart> {
  const setting = store.read();
  if (setting.kind === 'local') return { kind: 'local' };
  const server = describeServer(setting);
  const patients = localPatients(localFile);
  const problemStatus = (problem: Extract<RecoveryStatus, { state: 'server' }>['problem']) => ({
    kind: 'server_problem' as const,
    status: { state: 'server' as const, server, problem, localClinic: patients === null ? null : { file: localFile, patients } },
  });
  let connection;
  try {
    connection = store.savedConnection();
  } catch (error) {
    // Sealed by another user account or on another computer: the password must be entered again.
    return problemStatus({ reason: 'no_saved_password', detail: error instanceof Error ? error.message : String(error) });
  }
  if (!connection) return { kind: 'local' };
  const opened = await openServerClinic(connection, options);
  return opened.ok ? { kind: 'server', db: opened.db, server } : problemStatus(opened.problem);
}
