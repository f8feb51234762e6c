import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectionFrom } from '../postgresAddress';
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
