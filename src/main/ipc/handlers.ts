import type { Kysely } from 'kysely';
import type { Channel } from '../../shared/ipc/channels';
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
import {
  authorizeSessions,
  clearReview,
  endCourse,
  getCourseDetail,
  listCoursesForPatient,
  prescribeCourse,
} from '../services/courses';
import { recordThreshold } from '../services/motorThresholds';
import { createProtocol, listProtocols, retireProtocol, reviseProtocol } from '../services/protocols';
import { correctSession, createSession, prepareSession } from '../services/sessions';
import { todayList } from '../services/today';
import { DashboardReader } from '../services/dashboard';
import { acknowledgeItem9, createAssessment, listForPatient, markEnteredInError, openItem9Alerts } from '../services/phq9';
import { type ExportPorts, exportCourseCsv, exportCoursePdf } from '../reports/exportCourse';
import { getReportData } from '../reports/reportData';
import { ServiceError } from '../services/errors';
import type { ClinicSwitcher } from '../demo/demoClinic';
import { localIsoDate } from '../../shared/dates';
import { getClinicSettings, updateClinicSettings } from '../services/settings';
import type { BackupService } from '../backup/service';
import type { ActorContext } from '../services/context';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: ServiceContext) => Promise<ChannelOutput<C>>;
};

export interface HandlerOptions {
  appVersion: string;
  /** Printing and saving files; a host without them answers export calls with "unavailable". */
  exports?: ExportPorts;
  /** Switching to the demo clinic and back; without it those calls answer "unavailable". */
  clinics?: ClinicSwitcher;
  /** Backups of the open clinic file; without it the backup calls answer "unavailable". */
  backups?: BackupService;
}

function backupsOf(options: HandlerOptions): BackupService {
  if (!options.backups) throw new ServiceError('unavailable', 'Backups are not available here.');
  return options.backups;
}

/**
 * The signed-in staff member behind a call. Until the host passes `actor` in the context (sign-in),
 * a call without one is refused: backup channels never take an actor from their input.
 */
function actingStaffId(ctx: ServiceContext): number {
  const actor = (ctx as Partial<ActorContext>).actor;
  if (!actor) throw new ServiceError('forbidden', 'Sign in as an administrator to do this.');
  return actor.id;
}

function clinicsOf(options: HandlerOptions): ClinicSwitcher {
  if (!options.clinics) throw new ServiceError('unavailable', 'The demo clinic is not available here.');
  return options.clinics;
}

function exportsOf(options: HandlerOptions): ExportPorts {
  if (!options.exports) throw new ServiceError('unavailable', 'Exporting files is not available here.');
  return options.exports;
}

/** One handler per contract channel; a missing one is a compile error. */
export function createHandlers(db: Kysely<DB>, options: HandlerOptions): Handlers {
  const dashboard = new DashboardReader(db);
  return {
    'app:info': () => getAppInfo(db, options.appVersion, options.clinics?.demo ?? false),
    'app:openDemoClinic': (_input, ctx) => clinicsOf(options).openDemo(localIsoDate(ctx.now)),
    'app:leaveDemoClinic': () => clinicsOf(options).leaveDemo(),
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
    'protocols:list': (input) => listProtocols(db, input.includeInactive),
    'protocols:create': ({ actorId, ...fields }, ctx) => createProtocol(db, ctx, actorId, fields),
    'protocols:revise': ({ actorId, id, ...fields }, ctx) => reviseProtocol(db, ctx, actorId, id, fields),
    'protocols:retire': (input, ctx) => retireProtocol(db, ctx, input.actorId, input.id, input.reason),
    'courses:prescribe': ({ actorId, ...fields }, ctx) => prescribeCourse(db, ctx, actorId, fields),
    'courses:get': (input, ctx) => getCourseDetail(db, ctx, input.id),
    'courses:listForPatient': (input) => listCoursesForPatient(db, input.patientId),
    'courses:authorize': (input, ctx) => authorizeSessions(db, ctx, input),
    'courses:end': (input, ctx) => endCourse(db, ctx, input),
    'courses:clearReview': (input, ctx) => clearReview(db, ctx, input),
    'motorThresholds:record': ({ actorId, ...fields }, ctx) => recordThreshold(db, ctx, actorId, fields),
    'sessions:prepare': (input, ctx) => prepareSession(db, ctx, input.courseId, input.sessionId),
    'sessions:create': ({ actorId, ...fields }, ctx) => createSession(db, ctx, actorId, fields),
    'sessions:correct': ({ actorId, id, version, correctionReason, ...fields }, ctx) =>
      correctSession(db, ctx, actorId, id, version, correctionReason, fields),
    'sessions:today': (input) => todayList(db, input.date),
    'phq9:create': ({ actorId, ...fields }, ctx) => createAssessment(db, ctx, actorId, fields),
    'phq9:listForPatient': (input) => listForPatient(db, input.patientId),
    'phq9:acknowledge': (input, ctx) => acknowledgeItem9(db, ctx, input.actorId, input.assessmentId, input.actionTaken),
    'phq9:markEnteredInError': (input, ctx) => markEnteredInError(db, ctx, input.actorId, input.assessmentId, input.reason),
    'phq9:openAlerts': () => openItem9Alerts(db),
    'dashboard:courses': (input) => dashboard.courses(input),
    'dashboard:cohort': (input) => dashboard.cohort(input),
    'settings:get': () => getClinicSettings(db),
    'settings:update': ({ actorId, ...settings }, ctx) => updateClinicSettings(db, ctx, actorId, settings),
    'reports:data': (input, ctx) => getReportData(db, ctx, input.courseId, input.generatedById),
    'reports:exportPdf': (input, ctx) => exportCoursePdf(db, ctx, exportsOf(options), input.actorId, input.courseId),
    'reports:exportCsv': (input, ctx) => exportCourseCsv(db, ctx, exportsOf(options), input.actorId, input.courseId, input.kind),
    'backups:list': async () => backupsOf(options).list(),
    'backups:create': (_input, ctx) => backupsOf(options).create('manual', ctx.now),
    'backups:preview': (input, ctx) => backupsOf(options).preview(input, ctx.now),
    'backups:restore': (input, ctx) => backupsOf(options).restore(ctx, actingStaffId(ctx), input),
    'backups:setPassphrase': (input, ctx) => backupsOf(options).setPassphrase(ctx, actingStaffId(ctx), input),
  };
}
