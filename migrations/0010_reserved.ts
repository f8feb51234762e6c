import type { Kysely } from 'kysely';

/**
 * PLACEHOLDER, branch `billing` only: schema version 10 is taken by another branch of issue 11
 * (its own 0010_… migration). It keeps this branch's list numbered without gaps so 0012_billing_scheme
 * runs as version 12. When the branches are merged, DELETE this file and its line in index.ts; the
 * migration-list test fails until it is gone.
 */
export async function up(_db: Kysely<any>): Promise<void> {}
