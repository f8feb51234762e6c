import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The JavaScript the app's page loads before its first screen: the entry script and the chunks
 * index.html preloads with it (the built renderer in out/renderer). Chunks of screens opened
 * later are not counted.
 */
export function initialJavaScript(rendererDir: string): { bytes: number; files: string[] } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const bytes = files.reduce((sum, file) => sum + statSync(join(rendererDir, file)).size, 0);
  return { bytes, files };
}
