import type { Kysely } from 'kysely';
import type { ClinicSettings } from '../../shared/schemas/settings';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import { requireActor } from './actor';
import type { ServiceContext } from './context';

const allSettings = preparedQuery((db) => db.selectFrom('settings').select(['key', 'value']));

export async function getClinicSettings(db: Kysely<DB>): Promise<ClinicSettings> {
  const rows = await allSettings(db);
  const value = (key: 'clinic_name' | 'clinic_address') => rows.find((r) => r.key === key)?.value ?? '';
  return { clinicName: value('clinic_name'), clinicAddress: value('clinic_address') };
}

export async function updateClinicSettings(db: Kysely<DB>, ctx: ServiceContext, actorId: number, settings: ClinicSettings): Promise<ClinicSettings> {
  const actor = await requireActor(db, actorId, ['admin', 'psychiatrist']);
  const at = ctx.now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of [['clinic_name', settings.clinicName], ['clinic_address', settings.clinicAddress]] as const) {
      await trx
        .insertInto('settings')
        .values({ key, value, updated_by: actor.id, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: actor.id, updated_at: at }))
        .execute();
    }
  });
  return getClinicSettings(db);
}
