import type { Kysely } from 'kysely';
import type { Channel, } from '../../shared/ipc/channels';
import type { ChannelOutput, ParsedInput } from '../../shared/ipc/contract';
import type { DB } from '../db/schema';
import { getAppInfo } from '../services/appInfo';
import { listAudit } from '../services/audit';
import type { ServiceContext } from '../services/context';
import {
  archivePatient,
  createPatient,
  getPatient,
  restorePatient,
  searchPatients,
  updatePatient,
} from '../services/patients';
import { createFirstStaff, createStaff, listStaff, updateStaff } from '../services/staff';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: ServiceContext) => Promise<ChannelOutput<C>>;
};

export interface HandlerOptions {
  appVersion: string;
}

/** One handler per contract channel; a missing one is a compile error. */
export function createHandlers(db: Kysely<DB>, options: HandlerOptions): Handlers {
  return {
    'app:info': () => getAppInfo(db, options.appVersion),
    'staff:list': (input) => listStaff(db, input.includeInactive),
    'staff:createFirst': (input, ctx) => createFirstStaff(db, ctx, input),
    'staff:create': ({ actorId, ...fields }, ctx) => createStaff(db, ctx, actorId, fields),
    'staff:update': ({ actorId, id, ...fields }, ctx) => updateStaff(db, ctx, actorId, id, fields),
    'patients:search': (input) => searchPatients(db, input),
    'patients:get': (input) => getPatient(db, input.id),
    'patients:create': ({ actorId, ...fields }, ctx) => createPatient(db, ctx, actorId, fields),
    'patients:update': ({ actorId, id, version, ...fields }, ctx) => updatePatient(db, ctx, actorId, id, version, fields),
    'patients:archive': (input, ctx) => archivePatient(db, ctx, input),
    'patients:restore': (input, ctx) => restorePatient(db, ctx, input),
    'audit:list': (input) => listAudit(db, input.entity, input.entityId),
  };
}
