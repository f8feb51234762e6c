import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PostgresConnection } from '../../src/main/db/postgres';
import { startWebHost } from './server';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    postgres: { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string', default: 'out/renderer' },
  },
});

if (!values.db) {
  console.error(
    'Usage: npm run preview:web -- --db FILE [--postgres postgres://USER:PASSWORD@HOST:PORT/DATABASE[?tls=off]] [--port N]\n' +
      '(build first: npm run build; with --postgres the clinic is on that server and FILE only holds the demo clinic)',
  );
  process.exit(2);
}

/** `postgres://user:password@host:port/database`; `?tls=off` only for a server on this machine. */
function connectionFrom(address: string): PostgresConnection {
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

const host = await startWebHost({
  dbFile: resolve(values.db),
  ...(values.postgres ? { postgres: connectionFrom(values.postgres) } : {}),
  rendererDir: resolve(values.renderer),
  port: Number(values.port),
});
console.log(`TMS Course Tracker (web preview) on ${host.url}/?token=${host.token} — database ${values.postgres ? 'on the PostgreSQL server' : resolve(values.db)}. Ctrl+C to stop.`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
