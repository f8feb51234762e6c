import { z } from 'zod';
import { requiredText } from './common';

/** Host names that reach this machine only: the one place a server may be used without TLS. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'] as const;

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return (LOOPBACK_HOSTS as readonly string[]).includes(h) || /^127(\.\d{1,3}){3}$/.test(h);
}

/** TLS: 'required' checks the server's certificate against the clinic's CA; 'none' only on this machine. */
export const tlsModes = ['required', 'none'] as const;
export type TlsMode = (typeof tlsModes)[number];

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** The fields of a clinic server as the settings screen enters them (the password aside). */
const serverObject = z.object({
  host: requiredText('Host', 253).refine((h) => !/\s|\//.test(h), 'Enter a host name or address, without spaces or slashes'),
  port: z.number({ error: 'Enter a port number' }).int('Enter a whole number').min(1, 'A port is 1 to 65535').max(65535, 'A port is 1 to 65535'),
  database: requiredText('Database', 63),
  user: requiredText('User', 63),
  tls: z.enum(tlsModes),
  /** The clinic's CA certificate (PEM); required with TLS. */
  caCertificate: z.string().max(100_000, 'The certificate is too long').default(''),
});

function checkTls(value: { host: string; tls: TlsMode; caCertificate: string }, ctx: z.RefinementCtx): void {
  if (value.tls === 'none' && !isLoopbackHost(value.host)) {
    ctx.addIssue({ code: 'custom', path: ['tls'], message: 'Without TLS, only a server on this computer (localhost) may be used' });
  }
  if (value.tls === 'required' && !PEM.test(value.caCertificate)) {
    ctx.addIssue({
      code: 'custom',
      path: ['caCertificate'],
      message: value.caCertificate.trim() === '' ? "Paste the clinic's CA certificate or choose its file" : 'This is not a PEM certificate (-----BEGIN CERTIFICATE----- …)',
    });
  }
}

export const serverFields = serverObject.superRefine(checkTls);
export type ServerFields = z.infer<typeof serverFields>;

/** Empty: use the password saved for this workstation (the screen never receives it). */
const password = z.string().max(1000, 'The password is too long');

export const clinicServerInput = serverObject.extend({ password }).superRefine(checkTls);
export type ClinicServerInput = z.infer<typeof clinicServerInput>;

/** What is kept in the workstation's setting file, the password sealed by the operating system. */
export const storedClinicDatabase = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  serverObject.extend({ kind: z.literal('server'), sealedPassword: z.string().min(1) }),
]);
export type StoredClinicDatabase = z.infer<typeof storedClinicDatabase>;

/** The setting as the screen sees it: never the password, only whether one is saved. */
export const clinicDatabaseSetting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  serverObject.extend({ kind: z.literal('server'), hasPassword: z.boolean() }),
]);
export type ClinicDatabaseSetting = z.infer<typeof clinicDatabaseSetting>;

export const clinicDatabaseStatus = z.object({
  setting: clinicDatabaseSetting,
  /** Where this window's data lives now. */
  running: z.object({ engine: z.enum(['sqlite', 'postgres']), location: z.string() }),
  /** This computer's clinic file and how many patients it holds (null: no file yet). */
  localClinic: z.object({ file: z.string(), patients: z.number().int().nonnegative() }).nullable(),
  /** Whether this workstation can keep a password sealed (null: it can; otherwise why not). */
  passwordStorageProblem: z.string().nullable(),
});
export type ClinicDatabaseStatus = z.infer<typeof clinicDatabaseStatus>;

/** Why a connection test failed; `field` is the entry it concerns (the screen shows it there). */
export const connectionFailureReasons = [
  'unreachable',
  'host_not_found',
  'timeout',
  'tls_not_offered',
  'tls_untrusted',
  'tls_hostname_mismatch',
  'password',
  'database_missing',
  'schema_newer',
  'permission',
  'no_saved_password',
  'other',
] as const;
export type ConnectionFailureReason = (typeof connectionFailureReasons)[number];

export const connectionTestResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    serverVersion: z.string(),
    /** 0: nothing of this app yet; the app migrates it on first use. */
    schemaVersion: z.number().int().nonnegative(),
    appSchemaVersion: z.number().int().positive(),
    clinic: z.discriminatedUnion('state', [
      z.object({ state: z.literal('empty') }),
      z.object({ state: z.literal('clinic'), patients: z.number().int().nonnegative(), staff: z.number().int().nonnegative() }),
    ]),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(connectionFailureReasons),
    /** The server's or the network's own words (an error code, a SQLSTATE, a version), for IT. */
    detail: z.string(),
  }),
]);
export type ConnectionTestResult = z.infer<typeof connectionTestResult>;

export const clinicDatabaseSaveInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  serverObject.extend({ kind: z.literal('server'), password }).superRefine(checkTls),
]);
export type ClinicDatabaseSaveInput = z.infer<typeof clinicDatabaseSaveInput>;

/** Saved (the host restarts onto it), or not saved because the server could not be used as entered. */
export const clinicDatabaseSaveResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), restarting: z.boolean() }),
  z.object({ saved: z.literal(false), test: connectionTestResult }),
]);
export type ClinicDatabaseSaveResult = z.infer<typeof clinicDatabaseSaveResult>;

export const clinicMoveResult = z.object({
  tables: z.array(z.object({ table: z.string(), rows: z.number().int().nonnegative() })),
  patients: z.number().int().nonnegative(),
  auditEntries: z.number().int().positive(),
  server: z.string(),
  /** The workstation now uses the server: the host restarts onto it. */
  restarting: z.boolean(),
});
export type ClinicMoveResult = z.infer<typeof clinicMoveResult>;
