import type { ConnectionFailureReason } from '../../shared/schemas/clinicDatabase';

/** Node's TLS verification failures that mean "this certificate is not signed by a CA we trust". */
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_OSSL_PEM_NO_START_LINE',
]);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * What a failed connection attempt means, from what `pg`, Node's sockets and TLS, or the server
 * raised: the reason (data the screen words and places next to its field) and the raw detail.
 */
export function classifyConnectionFailure(error: unknown): { reason: ConnectionFailureReason; detail: string } {
  const code = error instanceof Error ? text(Reflect.get(error, 'code')) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const detail = code && !message.includes(code) ? `${code}: ${message}` : message;
  const of = (reason: ConnectionFailureReason) => ({ reason, detail });
  if (code === '28P01' || code === '28000') return of('password');
  if (code === '3D000') return of('database_missing');
  if (code === '42501') return of('permission');
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ECONNRESET') return of('unreachable');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return of('host_not_found');
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) return of('timeout');
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return of('tls_hostname_mismatch');
  if (code !== undefined && UNTRUSTED.has(code)) return of('tls_untrusted');
  if (/does not support SSL/i.test(message)) return of('tls_not_offered');
  return of('other');
}
