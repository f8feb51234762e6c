import type { ConnectionFailureReason, ConnectionTestResult } from '../../../shared/schemas/clinicDatabase';

/** The entries of the server form a failure can be shown next to. */
export type ServerField = 'host' | 'port' | 'database' | 'user' | 'password' | 'tls' | 'caCertificate';

interface Where {
  host: string;
  port: number;
  database: string;
  user: string;
}

/**
 * What a failed connection means, in words, and the entry it concerns (null: the form as a whole).
 * The service says why as a reason code; the screen words it here.
 */
export function failureWords(reason: ConnectionFailureReason | 'migrating', where: Where): { field: ServerField | null; message: string } {
  const words: Record<ConnectionFailureReason | 'migrating', { field: ServerField | null; message: string }> = {
    unreachable: { field: 'host', message: `Nothing answered at ${where.host} port ${where.port}. Check the host and port, that the server is running, and that its firewall lets this computer in.` },
    host_not_found: { field: 'host', message: `No computer named ${where.host} was found. Check the spelling, or use its address.` },
    timeout: { field: 'host', message: `${where.host} did not answer in time. Check the host and port, and the network between this computer and the server.` },
    tls_not_offered: { field: 'tls', message: 'The server does not offer TLS, so the connection would not be encrypted. Ask IT to turn TLS on for it.' },
    tls_untrusted: { field: 'caCertificate', message: "The server's certificate is not signed by this CA certificate (or has expired). Check that this is the clinic's CA certificate." },
    tls_hostname_mismatch: { field: 'host', message: `The server's certificate is not made out to ${where.host}. Use the host name the certificate names.` },
    password: { field: 'password', message: `The server refused user ${where.user} with this password.` },
    no_saved_password: { field: 'password', message: 'Enter the password (none is saved for this server and user on this computer).' },
    database_missing: { field: 'database', message: `The server has no database named ${where.database}. Ask IT to create it (empty) for the clinic.` },
    schema_newer: { field: null, message: 'The clinic on this server was written by a newer version of TMS Course Tracker. Install that version on this computer to use it; nothing was changed on the server.' },
    permission: { field: 'user', message: `User ${where.user} may not use the clinic's tables on this database. Ask IT to give it the rights the README lists.` },
    migrating: { field: null, message: 'Another workstation is updating the clinic database to a new version. Wait a minute, then try again.' },
    other: { field: null, message: 'The connection failed for a reason not listed here; the detail below is for IT.' },
  };
  return words[reason];
}

/** A successful test in one sentence. */
export function successWords(result: Extract<ConnectionTestResult, { ok: true }>): string {
  const clinic =
    result.clinic.state === 'empty'
      ? 'The database is empty: no clinic yet.'
      : `The database holds a clinic: ${result.clinic.patients} ${result.clinic.patients === 1 ? 'patient' : 'patients'}, ${result.clinic.staff} staff.`;
  const schema = result.schemaVersion === 0 ? '' : ` Schema ${result.schemaVersion} (this app: ${result.appSchemaVersion}).`;
  return `Connected to PostgreSQL ${result.serverVersion}. ${clinic}${schema}`;
}
