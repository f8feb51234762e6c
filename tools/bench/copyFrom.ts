import { once } from 'node:events';
import type pg from 'pg';

/** The parts of pg's connection a COPY … FROM STDIN uses (pg's `Connection`, not in its types). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableLength: number };
}

/** A value in COPY's text format: \N for NULL, backslash, tab and line breaks escaped. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
  throw new Error(`COPY cannot carry a ${typeof value}`);
}

const CHUNK_ROWS = 2000;
/** Bytes waiting in the socket before the copy waits for it to drain. */
const HIGH_WATER = 8 * 1024 * 1024;

/**
 * `COPY table (columns) FROM STDIN` through pg's own connection (a Submittable, as the
 * pg-copy-streams package does it), fed from an iterator of rows in text format with back
 * pressure. Resolves with the number of rows the server took.
 */
export function copyRows(client: pg.Client, table: string, columns: string[], rows: Iterable<Record<string, unknown>>): Promise<number> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let failed: unknown = null;
    const submittable = {
      submit(connection: CopyConnection) {
        connection.query(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`);
      },
      handleCopyInResponse(connection: CopyConnection) {
        void (async () => {
          try {
            let lines: string[] = [];
            for (const row of rows) {
              lines.push(columns.map((c) => field(row[c])).join('\t'));
              if (lines.length >= CHUNK_ROWS) {
                connection.sendCopyFromChunk(Buffer.from(`${lines.join('\n')}\n`));
                sent += lines.length;
                lines = [];
                if (connection.stream.writableLength > HIGH_WATER) await once(connection.stream, 'drain');
              }
            }
            if (lines.length) connection.sendCopyFromChunk(Buffer.from(`${lines.join('\n')}\n`));
            sent += lines.length;
            connection.endCopyFrom();
          } catch (error) {
            failed = error;
            connection.sendCopyFail(error instanceof Error ? error.message : String(error));
          }
        })();
      },
      handleCommandComplete() {},
      handleError(error: unknown) {
        failed ??= error;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve(sent);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    client.query(submittable as unknown as pg.QueryConfig);
  });
}
