import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema';

// Argument placeholders: unlikely values, each found once among the compiled parameters.
const SENTINEL_BASE = -7_331_000_000;

/**
 * A read built by Kysely once and then run with new argument values. Kysely builds and compiles
 * a query on every call, which costs about a third of running our indexed lookups; the reads
 * behind the course view and the report use this. `build` gets placeholders for its
 * (numeric) arguments; each must reach the query as one bound value, which is checked.
 */
export function preparedQuery<Args extends number[], Row>(build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>) {
  let template: { compiled: CompiledQuery<Row>; positions: number[] } | null = null;
  return async (db: Kysely<DB>, ...args: Args): Promise<Row[]> => {
    if (!template) {
      const sentinels = args.map((_, i) => SENTINEL_BASE - i) as Args;
      const compiled = build(db, ...sentinels).compile();
      const positions = sentinels.map((s) => {
        const found = compiled.parameters.flatMap((p, index) => (p === s ? [index] : []));
        if (found.length !== 1) throw new Error(`preparedQuery: argument ${s - SENTINEL_BASE} must be bound exactly once in ${compiled.sql}`);
        return found[0] ?? -1;
      });
      template = { compiled, positions };
    }
    const parameters = [...template.compiled.parameters];
    template.positions.forEach((position, i) => {
      parameters[position] = args[i];
    });
    const result = await db.executeQuery<Row>({ ...template.compiled, parameters });
    return result.rows;
  };
}
