import type { PostgresConnection } from '../src/main/db/postgres';

/** `postgres://user:password@host:port/database`; `?tls=off` only for a server on this machine. */
export function connectionFrom(address: string): PostgresConnection {
  const url = new URL(address);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.slice(1)),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    tls: url.searchParams.get('tls') === 'off' ? false : {},
  };
}
