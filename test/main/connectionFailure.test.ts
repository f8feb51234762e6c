import { describe, expect, it } from 'vitest';
import { classifyConnectionFailure } from '../../src/main/clinicDatabase/connectionFailure';

const failure = (code: string | undefined, message: string) => Object.assign(new Error(message), code === undefined ? {} : { code });

/** The failures the embedded test server cannot produce (it has no TLS, and its host always resolves). */
describe('what a failed connection means', () => {
  it.each([
    [failure('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), 'tls_hostname_mismatch'],
    [failure('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'), 'tls_untrusted'],
    [failure('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'), 'tls_untrusted'],
    [failure('CERT_HAS_EXPIRED', 'certificate has expired'), 'tls_untrusted'],
    [failure(undefined, 'The server does not support SSL connections'), 'tls_not_offered'],
    [failure('ENOTFOUND', 'getaddrinfo ENOTFOUND db.clinic.example'), 'host_not_found'],
    [failure(undefined, 'Connection terminated due to connection timeout'), 'timeout'],
    [failure('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.9:5432'), 'timeout'],
    [failure('EHOSTUNREACH', 'connect EHOSTUNREACH 10.0.0.9:5432'), 'unreachable'],
    [failure('28000', 'no pg_hba.conf entry for host'), 'password'],
    [failure('42501', 'permission denied for table patients'), 'permission'],
    [failure('XX000', 'something else'), 'other'],
  ])('%s → %s', (error, reason) => {
    const result = classifyConnectionFailure(error);
    expect(result.reason).toBe(reason);
    expect(result.detail).toContain(error.message);
  });
});
