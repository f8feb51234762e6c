import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { engineOf, type EngineName } from './engines/engine';
import type { DB } from './schema';

type Argument = string | number | null;

/**
 * A query built by Kysely once and then run with new argument values. Kysely builds and compiles
 * a query on every call, which costs about a third of running our indexed lookups; the reads
 * behind the course view, the report and every write's checks and audit entry use this.
 * `build` gets placeholders for its arguments (objects found by identity among the compiled
 * parameters); each must reach the query as one bound value, which is checked. Compiled once per
 * engine: one process may use both (moving a clinic from its SQLite file onto a server).
 */
export function preparedQuery<Args extends Argument[], Row>(build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>) {
  const templates = new Map<EngineName, { compiled: CompiledQuery<Row>; positions: number[] }>();
  return async (db: Kysely<DB>, ...args: Args): Promise<Row[]> => {
    const engine = engineOf(db).name;
    let template = templates.get(engine);
    if (!template) {
      const placeholders = args.map((_, i) => ({ placeholder: i }));
      const compiled = build(db, ...(placeholders as unknown as Args)).compile();
      const positions = placeholders.map((placeholder, i) => {
        const found = compiled.parameters.flatMap((p, index) => (p === placeholder ? [index] : []));
        if (found.length !== 1) throw new Error(`preparedQuery: argument ${i} must be bound exactly once in ${compiled.sql}`);
        return found[0] ?? -1;
      });
      template = { compiled, positions };
      templates.set(engine, template);
    }
    const parameters = [...template.compiled.parameters];
    template.positions.forEach((position, i) => {
      parameters[position] = args[i];
    });
    const result = await db.executeQuery<Row>({ ...template.compiled, parameters });
    return result.rows;
  };
}
