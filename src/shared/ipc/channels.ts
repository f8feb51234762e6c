/**
 * Every IPC channel, as plain strings with no dependencies, so the sandboxed
 * preload can allow-list them without bundling zod. The contract is checked
 * against this list at compile time.
 */
export const channels = [
  'app:info',
  'app:openDemoClinic',
  'app:leaveDemoClinic',
  'auth:session',
  'auth:signIn',
  'auth:signOut',
  'auth:changePassword',
  'auth:setUpSignIn',
  'staff:list',
  'staff:createFirst',
  'staff:create',
  'staff:update',
  'staff:resetPassword',
  'patients:search',
  'patients:get',
  'patients:create',
  'patients:update',
  'patients:archive',
  'patients:restore',
  'audit:list',
  'audit:verifyChain',
  'audit:accessLog',
  'protocols:list',
  'protocols:create',
  'protocols:revise',
  'protocols:retire',
  'courses:prescribe',
  'courses:get',
  'courses:listForPatient',
  'courses:authorize',
  'courses:end',
  'courses:clearReview',
  'motorThresholds:record',
  'sessions:prepare',
  'sessions:create',
  'sessions:correct',
  'sessions:today',
  'sessions:submitForCosign',
  'sessions:listPending',
  'sessions:signPending',
  'sessions:declinePending',
  'phq9:create',
  'phq9:listForPatient',
  'phq9:acknowledge',
  'phq9:markEnteredInError',
  'phq9:openAlerts',
  'assessments:create',
  'assessments:listForPatient',
  'assessments:acknowledge',
  'assessments:markEnteredInError',
  'assessments:openAlerts',
  'dashboard:courses',
  'dashboard:cohort',
  'outcomeRuleChanges:listUnseen',
  'outcomeRuleChanges:markSeen',
  'settings:get',
  'settings:update',
  'reports:data',
  'reports:exportPdf',
  'reports:exportCsv',
  'backups:list',
  'backups:create',
  'backups:preview',
  'backups:restore',
  'backups:setPassphrase',
  'backups:setRetention',
  'recovery:status',
  'recovery:restore',
] as const;

export type Channel = (typeof channels)[number];

/** The single Electron IPC channel that carries every contract call. */
export const INVOKE_CHANNEL = 'tms:invoke';

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value);
}
