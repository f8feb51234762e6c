import type { Kysely, Transaction } from 'kysely';
import type { AccessPolicy } from '../../shared/ipc/access';
import { formatIsoDate, formatLocalDateTime } from '../../shared/dateFormat';
import { type ClinicSettings, clinicSettings } from '../../shared/schemas/settings';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext, ServiceContext } from './context';
import { ServiceError } from './errors';

const allSettings = preparedQuery((db) => db.selectFrom('settings').select(['key', 'value']));
const activeAdmins = preparedQuery((db) =>
  db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', 1).where('role', '=', 'admin'),
);

/** Stored key per setting; values are stored as text (JSON for numbers and booleans). */
const keys = {
  clinicName: 'clinic_name',
  clinicAddress: 'clinic_address',
  lockAfterMinutes: 'lock_after_minutes',
  psychiatristsManageStaff: 'psychiatrists_manage_staff',
  dateFormat: 'date_format',
} as const satisfies Record<keyof ClinicSettings, string>;

function decode(key: keyof ClinicSettings, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  if (key === 'clinicName' || key === 'clinicAddress' || key === 'dateFormat') return text;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The clinic's settings; a missing or unreadable value takes its default from the schema. */
export async function getClinicSettings(db: Kysely<DB>): Promise<ClinicSettings> {
  const rows = new Map((await allSettings(db)).map((r) => [r.key, r.value]));
  const raw = Object.fromEntries((Object.keys(keys) as Array<keyof ClinicSettings>).map((k) => [k, decode(k, rows.get(keys[k]))]));
  const parsed = clinicSettings.safeParse(raw);
  return parsed.success ? parsed.data : clinicSettings.parse({});
}

/** How messages write a day and a moment: the clinic's date format. */
export async function clinicDateWriters(db: Kysely<DB>): Promise<{ day: (iso: string) => string; moment: (isoTimestamp: string) => string }> {
  const { dateFormat } = await getClinicSettings(db);
  return { day: (iso) => formatIsoDate(iso, dateFormat), moment: (at) => formatLocalDateTime(new Date(at), dateFormat) };
}

export async function getAccessPolicy(db: Kysely<DB>): Promise<AccessPolicy> {
  const { psychiatristsManageStaff } = await getClinicSettings(db);
  return { psychiatristsManageStaff };
}

export async function updateClinicSettings(db: Kysely<DB>, ctx: ActorContext, settings: ClinicSettings): Promise<ClinicSettings> {
  const { actor } = ctx;
  await db.transaction().execute(async (trx) => {
    const before = await getClinicSettings(trx);
    if (!settings.psychiatristsManageStaff) {
      const [admins = { n: 0 }] = await activeAdmins(trx);
      if (admins.n === 0) {
        throw new ServiceError('conflict', 'The clinic has no active administrator, so psychiatrists must keep managing staff.', {
          psychiatristsManageStaff: 'Add an administrator first',
        });
      }
    }
    await writeClinicSettings(trx, ctx, actor.id, before, settings);
  });
  return getClinicSettings(db);
}

/** Stores the given settings and audits the change; the caller owns the transaction. */
export async function writeClinicSettings(trx: Transaction<DB>, ctx: ServiceContext, staffId: number, before: ClinicSettings, settings: Partial<ClinicSettings>): Promise<void> {
  const at = ctx.now.toISOString();
  for (const key of Object.keys(settings) as Array<keyof ClinicSettings>) {
    const value = typeof settings[key] === 'string' ? settings[key] : JSON.stringify(settings[key]);
    await trx
      .insertInto('settings')
      .values({ key: keys[key], value, updated_by: staffId, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: staffId, updated_at: at }))
      .execute();
  }
  await recordAudit(trx, ctx, { staffId, action: 'update', entity: 'settings', entityId: 1, before, after: { ...before, ...settings } });
}
