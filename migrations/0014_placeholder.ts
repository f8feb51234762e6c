import type { Kysely } from 'kysely';

/**
 * Placeholder: number 0014 belongs to work on another branch (issues 13–15), merged separately.
 * Migrations are numbered without gaps; the lead replaces this file when that branch lands.
 */
export async function up(_db: Kysely<any>): Promise<void> {}
