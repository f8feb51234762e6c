import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostgresConnection } from '../db/postgres';
import { type ClinicDatabaseSetting, type ClinicServerInput, type StoredClinicDatabase, storedClinicDatabase } from '../../shared/schemas/clinicDatabase';
import { ServiceError } from '../services/errors';
import type { SecretBox } from './secretBox';

/** The workstation's setting file, in the app's data folder (a workstation setting, not the clinic's). */
export const SETTING_FILE = 'clinic-database.json';

/**
 * Where this workstation keeps its clinic: "this computer" (the SQLite file, the default when the
 * file is missing) or a clinic server, its password sealed by the SecretBox.
 */
export class ClinicDatabaseSettingStore {
  readonly file: string;

  constructor(
    dataFolder: string,
    readonly secrets: SecretBox,
  ) {
    this.file = join(dataFolder, SETTING_FILE);
  }

  /** The stored setting; a missing file is "this computer". A damaged file is an error, never silently local. */
  read(): StoredClinicDatabase {
    if (!existsSync(this.file)) return { kind: 'local' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (error) {
      throw new Error(`The workstation setting ${this.file} is not valid JSON`, { cause: error });
    }
    return storedClinicDatabase.parse(parsed);
  }

  /** The setting without the password. */
  view(): ClinicDatabaseSetting {
    const stored = this.read();
    if (stored.kind === 'local') return stored;
    const { sealedPassword, ...rest } = stored;
    return { ...rest, hasPassword: sealedPassword.length > 0 };
  }

  /**
   * The connection the entered values describe. An empty password means the one saved for the same
   * server and user (the screen never receives it); null when there is none to reuse.
   */
  connectionFor(input: ClinicServerInput): PostgresConnection | null {
    let password = input.password;
    if (password === '') {
      const stored = this.read();
      if (stored.kind !== 'server' || stored.host !== input.host || stored.user !== input.user) return null;
      password = this.secrets.open(stored.sealedPassword);
    }
    return toConnection(input, password);
  }

  /** The saved server's connection, the password opened; null for "this computer". */
  savedConnection(): PostgresConnection | null {
    const stored = this.read();
    if (stored.kind === 'local') return null;
    return toConnection(stored, this.secrets.open(stored.sealedPassword));
  }

  useLocal(): void {
    this.write({ kind: 'local' });
  }

  useServer(input: ClinicServerInput): void {
    const connection = this.connectionFor(input);
    if (!connection) throw new ServiceError('invalid_input', 'Enter the password', { password: 'Enter the password' });
    const problem = this.secrets.problem();
    if (problem) throw new ServiceError('unavailable', problem, { password: problem });
    const { password: _typed, ...fields } = input;
    this.write({ kind: 'server', ...fields, sealedPassword: this.secrets.seal(connection.password) });
  }

  /** Written beside, then renamed over: a crash never leaves half a setting. Readable by this user only. */
  private write(setting: StoredClinicDatabase): void {
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(setting, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

function toConnection(fields: Pick<ClinicServerInput, 'host' | 'port' | 'database' | 'user' | 'tls' | 'caCertificate'>, password: string): PostgresConnection {
  return {
    host: fields.host,
    port: fields.port,
    database: fields.database,
    user: fields.user,
    password,
    tls: fields.tls === 'none' ? false : { ca: fields.caCertificate },
  };
}

/** `postgres://user@host:port/database`, as the About box says where the data lives. */
export function describeServer(fields: { host: string; port: number; database: string; user: string }): string {
  return `postgres://${fields.user}@${fields.host}:${fields.port}/${fields.database}`;
}
