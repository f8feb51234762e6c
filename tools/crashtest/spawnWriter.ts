import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');

/** Runs a TypeScript file of this repo in a child Node (the same Node binary, via tsx). */
export function spawnTs(script: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(repoRoot, script), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface WriterSummary {
  ok: number;
  failed: number;
  errors: Record<string, number>;
}

/** Runs `tools/crashtest/writer.ts` to completion and returns its summary line. */
export function runWriter(file: string, label: string, durationMs: number, actor = 1): Promise<WriterSummary> {
  return new Promise((resolve, reject) => {
    const child = spawnTs('tools/crashtest/writer.ts', ['--db', file, '--label', label, '--duration', String(durationMs), '--actor', String(actor)]);
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`writer ${label} exited with ${String(code)}: ${err.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(last) as WriterSummary);
    });
  });
}
