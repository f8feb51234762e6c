import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The application log: one line per event in `<folder>/app.log`, rotated by size
 * (app.log → app.log.1 → … → app.log.<keep>, the oldest dropped). Small and synchronous on
 * purpose: a line is on disk before the app can crash on what it reports. No suitable logging
 * package is installed (electron-log is not); this is the part of one we need.
 *
 * What goes in: times, channels, error names, codes and stacks, backup and start-up events.
 * Never inputs or results: they hold patient data.
 */
export interface AppLog {
  readonly path: string;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface FileLogOptions {
  maxBytes?: number;
  keep?: number;
}

/** An error as it may be logged: its kind, code and stack, never the value that was thrown if it is not an Error. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code: unknown = Reflect.get(error, 'code');
    const stack = error.stack ?? `${error.name}: ${error.message}`;
    const cause = error.cause instanceof Error ? `\n  caused by ${error.cause.stack ?? error.cause.name}` : '';
    return `${typeof code === 'string' ? `[${code}] ` : ''}${stack}${cause}`;
  }
  // A thrown non-Error could be anything, including a record: only its type is logged.
  return `a thrown ${error === null ? 'null' : typeof error}`;
}

export function createFileLog(folder: string, options: FileLogOptions = {}): AppLog {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 5;
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, 'app.log');
  const rotate = () => {
    rmSync(`${path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i -= 1) {
      if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
    }
    renameSync(path, `${path}.1`);
  };
  const write = (level: string, text: string) => {
    const line = `${new Date().toISOString()} ${level} ${text.replace(/\r?\n/g, '\n    ')}\n`;
    try {
      if (existsSync(path) && statSync(path).size + line.length > maxBytes) rotate();
      appendFileSync(path, line, { mode: 0o600 });
    } catch {
      // Logging must never take the app down (a full disk, a read-only folder).
    }
  };
  return {
    path,
    info: (message) => write('INFO ', message),
    warn: (message) => write('WARN ', message),
    error: (message, error) => write('ERROR', error === undefined ? message : `${message}: ${describeError(error)}`),
  };
}

/** dispatch's `logError`: the channel and the error's stack, never the call's input. */
export function dispatchErrorLogger(log: AppLog): (channel: string, error: unknown) => void {
  return (channel, error) => log.error(`dispatch ${channel.slice(0, 80)}`, error);
}
