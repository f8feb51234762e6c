import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { engineOf } from '../db/engines/engine';
import { openPostgresDatabase, type PostgresConnection } from '../db/postgres';
import type { DB } from '../db/schema';
import type { ActorContext } from '../services/context';
import { ServiceError } from '../services/errors';
import type {
  ClinicDatabaseSaveInput,
  ClinicDatabaseSaveResult,
  ClinicDatabaseStatus,
  ClinicMoveResult,
  ClinicServerInput,
  ConnectionTestResult,
} from '../../shared/schemas/clinicDatabase';
import { moveClinicToServer } from './moveClinic';
import { type ClinicDatabaseSettingStore, describeServer } from './settingStore';
import { testServerConnection } from './testConnection';

/** What the host gives the clinic database screen. */
export interface ClinicDatabasePorts {
  store: ClinicDatabaseSettingStore;
  /** This computer's clinic file (where the data lives when the setting is "this computer"). */
  localFile: string;
  /** Brings the host back on the saved setting: the app relaunches; the web host reopens in place. */
  restart: () => Promise<{ restarting: boolean }>;
  /** How long Test connection waits for the server (default 8 s). */
  testTimeoutMs?: number;
}

const NO_SAVED_PASSWORD: ConnectionTestResult = { ok: false, reason: 'no_saved_password', detail: '' };

/** Patients in this computer's clinic file, read without changing it; null when there is no readable file. */
export function localPatients(file: string): number | null {
  if (!existsSync(file)) return null;
  try {
    const raw = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (raw.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
    } finally {
      raw.close();
    }
  } catch {
    return null;
  }
}

/**
 * The "Clinic database" settings of this workstation: where its data lives ("this computer" or a
 * clinic server), testing a server's connection, switching, and moving this computer's clinic
 * onto an empty server. Administrators only (the contract's access).
 */
export class ClinicDatabaseService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly ports: ClinicDatabasePorts,
  ) {}

  async status(): Promise<ClinicDatabaseStatus> {
    const engine = engineOf(this.db);
    const patients = localPatients(this.ports.localFile);
    return {
      setting: this.ports.store.view(),
      running: { engine: engine.name, location: await engine.location(this.db) },
      localClinic: patients === null ? null : { file: this.ports.localFile, patients },
      passwordStorageProblem: this.ports.store.secrets.problem(),
    };
  }

  private connection(input: ClinicServerInput): PostgresConnection | null {
    return this.ports.store.connectionFor(input);
  }

  async test(input: ClinicServerInput): Promise<ConnectionTestResult> {
    const connection = this.connection(input);
    if (!connection) return NO_SAVED_PASSWORD;
    return testServerConnection(connection, this.timeout());
  }

  private timeout() {
    return this.ports.testTimeoutMs === undefined ? {} : { timeoutMs: this.ports.testTimeoutMs };
  }

  /** Saves the setting and restarts onto it; a server is tested first and not saved if it cannot be used. */
  async save(input: ClinicDatabaseSaveInput): Promise<ClinicDatabaseSaveResult> {
    if (input.kind === 'local') {
      this.ports.store.useLocal();
      return { saved: true, ...(await this.ports.restart()) };
    }
    this.refuseWithoutPasswordStorage();
    const test = await this.test(input);
    if (!test.ok) return { saved: false, test };
    this.ports.store.useServer(input);
    return { saved: true, ...(await this.ports.restart()) };
  }

  /**
   * Copies this computer's clinic onto the empty server entered (migrating it to this app's schema
   * first), then switches this workstation to it and restarts. Only from "this computer".
   */
  async move(ctx: ActorContext, input: ClinicServerInput): Promise<ClinicMoveResult> {
    if (engineOf(this.db).name !== 'sqlite') throw new ServiceError('conflict', 'This workstation already uses a clinic server: there is no clinic on this computer to move.');
    this.refuseWithoutPasswordStorage();
    const connection = this.connection(input);
    if (!connection) throw new ServiceError('invalid_input', 'Enter the password', { password: 'Enter the password' });
    const test = await testServerConnection(connection, this.timeout());
    if (!test.ok) throw new ServiceError('conflict', `The server could not be used (${test.reason}): test the connection first.`);
    if (test.clinic.state === 'clinic') {
      throw new ServiceError('conflict', `The server already holds a clinic (${test.clinic.patients} patients): nothing was copied.`);
    }
    const server = await openPostgresDatabase(connection);
    let moved: Omit<ClinicMoveResult, 'restarting'>;
    try {
      moved = await moveClinicToServer(this.db, { server, description: describeServer(input) }, ctx, this.ports.localFile);
    } finally {
      await server.destroy();
    }
    this.ports.store.useServer(input);
    return { ...moved, ...(await this.ports.restart()) };
  }

  private refuseWithoutPasswordStorage(): void {
    const problem = this.ports.store.secrets.problem();
    if (problem) throw new ServiceError('unavailable', problem, { password: problem });
  }
}
