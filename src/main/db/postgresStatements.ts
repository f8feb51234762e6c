import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * The clinic server's statement cache, as `statementCache.ts` is SQLite's: Kysely's PostgreSQL
 * driver sends every query unnamed, so the server parses, analyses and plans it anew each time —
 * for our indexed reads and writes that costs as much as running them. Here a query's text gets a
 * name the first time it is seen, and each connection prepares it once (the `pg` client remembers
 * what it has prepared); after five runs the server keeps one plan for it where that plan costs no
 * more than planning each run (plan_cache_mode = auto, the server's default).
 *
 * A pattern match is left unnamed: its best plan depends on the pattern (a long word uses the
 * trigram index, a one-letter word reads the table), which a kept plan cannot know.
 */

/** Texts named at most; beyond, queries run unnamed (each connection would otherwise keep them all). */
export const NAMED_STATEMENTS_LIMIT = 1000;

/** Statements worth naming: the reads and writes services repeat, not transaction control or DDL. */
const REPEATED = /^\s*(select|insert|update|delete|with)\b/i;
const PATTERN_MATCH = /\b(i?like)\b/i;

/** "cached plan must not change result type": the schema changed under a prepared statement (another workstation migrated). */
const FEATURE_NOT_SUPPORTED = '0A000';

export class StatementNames {
  readonly #names = new Map<string, string>();
  #issued = 0;

  /** The name for this text, or null to run it unnamed. */
  nameOf(text: string): string | null {
    const known = this.#names.get(text);
    if (known) return known;
    if (this.#names.size >= NAMED_STATEMENTS_LIMIT || !REPEATED.test(text) || PATTERN_MATCH.test(text)) return null;
    const name = `tms_${++this.#issued}`;
    this.#names.set(text, name);
    return name;
  }

  /** Gives the text a new name: every connection prepares it again against the current schema. */
  rename(text: string): string | null {
    this.#names.delete(text);
    return this.nameOf(text);
  }
}

function isStaleStatement(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === FEATURE_NOT_SUPPORTED
    && /cached plan/i.test(String((error as { message?: unknown }).message));
}

const BEGIN = /^\s*(begin|start transaction)\b/i;
const END = /^\s*(commit|rollback)\s*$/i;

function namedClient(client: pg.PoolClient, names: StatementNames): PostgresPoolClient {
  // Kysely begins and ends its transactions with these texts on the connection.
  let inTransaction = false;
  const query = async <R>(text: string, values: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> => {
    if (typeof text !== 'string') return client.query(text) as unknown as Promise<PostgresQueryResult<R>>;
    const name = names.nameOf(text);
    if (!name) {
      if (BEGIN.test(text)) inTransaction = true;
      else if (END.test(text)) inTransaction = false;
      return client.query(text, [...values]) as unknown as Promise<PostgresQueryResult<R>>;
    }
    try {
      return await (client.query({ name, text, values: [...values] }) as unknown as Promise<PostgresQueryResult<R>>);
    } catch (error) {
      if (!isStaleStatement(error)) throw error;
      const renamed = names.rename(text);
      // The failed statement ended the transaction's work: it fails as a whole, and is prepared afresh next time.
      if (inTransaction) throw error;
      return client.query(renamed ? { name: renamed, text, values: [...values] } : { text, values: [...values] }) as unknown as Promise<PostgresQueryResult<R>>;
    }
  };
  return {
    get processID() {
      return (client as unknown as { processID?: number }).processID;
    },
    query: query as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  };
}

/** The pool Kysely's PostgresDialect uses: `pool`'s connections, each running repeated statements prepared. */
export function namedStatementPool(pool: pg.Pool): PostgresPool {
  const names = new StatementNames();
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    options: pool.options,
    async connect() {
      const client = await pool.connect();
      let named = wrapped.get(client);
      if (!named) {
        named = namedClient(client, names);
        wrapped.set(client, named);
      }
      return named;
    },
    end: () => pool.end(),
  };
}
