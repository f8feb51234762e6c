import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely's SQLite driver begins every transaction with a plain (deferred) BEGIN: the write lock
 * is taken at the first write, and in WAL mode a transaction that has already read cannot wait
 * for it — SQLite answers SQLITE_BUSY at once, without calling the busy handler. Beginning with
 * BEGIN IMMEDIATE takes the write lock up front, where `busy_timeout` is honoured, so a second
 * writer (another window, a backup tool, a second workstation) waits its turn instead of failing.
 * A transaction declared read-only keeps the deferred BEGIN.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    const mode = settings?.accessMode === 'read only' ? 'begin deferred' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(mode));
  }
}

/** `SqliteDialect` whose write transactions begin IMMEDIATE. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
