import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startWebHost } from './server';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string', default: 'out/renderer' },
  },
});

if (!values.db) {
  console.error('Usage: npm run preview:web -- --db FILE [--port N]\n(build first: npm run build)');
  process.exit(2);
}

const host = await startWebHost({
  dbFile: resolve(values.db),
  rendererDir: resolve(values.renderer),
  port: Number(values.port),
});
console.log(`TMS Course Tracker (web preview) on ${host.url}/?token=${host.token} — database ${resolve(values.db)}. Ctrl+C to stop.`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
