import type { Kysely } from 'kysely';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelOutput, Contract, ParsedInput } from '../../shared/ipc/contract';
import type { DB } from '../db/schema';
import { engineOf } from '../db/engines/engine';
import { getAppInfo } from '../services/appInfo';
import { listAccess, listAudit } from '../services/audit';
import { getDataRevision } from '../services/dataRevision';
import { AuditChainMonitor } from '../services/auditChainMonitor';
import { readLoggingView } from '../services/viewLog';
import type { Actor } from '../services/actor';
import { authSession, changePassword, resetPassword, setUpSignIn, signIn, signOut } from '../services/auth';
import type { ActorContext } from '../services/context';
import { declinePendingSession, listPendingSessions, signPendingSession, submitForCosign } from '../services/pendingSessions';
import type { HostSession } from './hostSession';
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
  setCoursePlannedTime,
  clearReview,
  endCourse,
  getCourseDetail,
  listCoursesForPatient,
  prescribeCourse,
} from '../services/courses';
import { recordThreshold } from '../services/motorThresholds';
import { addMedication, changeMedication, getTreatmentHistory, savePsychotherapy, saveTrial } from '../services/treatmentHistory';
import { thresholdRecheckForCourse } from '../services/thresholdRecheck';
import { clearScreening, getReadiness, recordConsent, recordScreening } from '../services/screening';
import { createProtocol, listProtocols, retireProtocol, reviseProtocol } from '../services/protocols';
import { correctSession, createSession, prepareSession } from '../services/sessions';
import { TodayReader } from '../services/todayReader';
import { DashboardReader } from '../services/dashboard';
import { listUnseenOutcomeRuleChanges, markOutcomeRuleChangesSeen } from '../services/outcomeRuleChanges';
import { acknowledgeSuicideItem, createAssessment as createAnyAssessment, listAssessments, markAssessmentEnteredInError, openSuicideItemAlerts } from '../services/assessments';
import { getCoursePlan, setCoursePlan } from '../services/coursePlans';
import { acknowledgeItem9, createAssessment, listForPatient, markEnteredInError, openItem9Alerts } from '../services/phq9';
import { type ExportPorts, exportCourseCsv, exportCoursePdf, exportPacketPdf } from '../reports/exportCourse';
import { getPacketData } from '../reports/packetData';
import { getReportData } from '../reports/reportData';
import { exportCourseFhir } from '../exchange/fhir/exportFhir';
import { checkImport, commitImport, listImports, undoImport } from '../exchange/import/importService';
import { ServiceError } from '../services/errors';
import type { ClinicSwitcher } from '../demo/demoClinic';
import { localIsoDate } from '../../shared/dates';
import type { SignInResult } from '../../shared/schemas/auth';
import type { AuditChainStatus } from '../../shared/schemas/audit';
import { getClinicSettings, updateClinicSettings } from '../services/settings';
import type { BackupService } from '../backup/service';
import { setDayPlannedTime } from '../services/dayPlannedTimes';
import { ClinicDatabaseService, type ClinicDatabasePorts } from '../clinicDatabase/service';

/** What a handler gets besides its input: the actor is resolved and checked by dispatch. */
export interface HandlerContext {
  now: Date;
  actor: Actor | null;
  session: HostSession | null;
}

/** Channels open before sign-in may have no actor; every other handler is given one. */
type ContextFor<C extends Channel> = Contract[C]['access'] extends 'public' ? HandlerContext : HandlerContext & ActorContext;

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: ContextFor<C>) => Promise<ChannelOutput<C>>;
};

export interface HandlerOptions {
  appVersion: string;
  /** Where the host's application log is, for the About screen. */
  logPath?: string;
  /** Check the audit chain in the background as the host starts (the app and the web host do; tests need not). */
  verifyAuditAtStart?: boolean;
  /** Told when a check finds the chain broken (the host logs it; admins see it in the app). */
  onAuditChainBroken?: (status: AuditChainStatus) => void;
  /** Printing and saving files; a host without them answers export calls with "unavailable". */
  exports?: ExportPorts;
  /** Switching to the demo clinic and back; without it those calls answer "unavailable". */
  clinics?: ClinicSwitcher;
  /** Backups of the open clinic file; without it the backup calls answer "unavailable". */
  backups?: BackupService;
  /** The workstation's clinic database setting; without it those calls answer "unavailable". */
  clinicDatabase?: ClinicDatabasePorts;
}

function backupsOf(options: HandlerOptions, db: Kysely<DB>): BackupService {
  if (!options.backups && engineOf(db).name === 'postgres') {
    throw new ServiceError('unavailable', 'The clinic is kept on the clinic server: its backups are made on the server, not by this workstation.');
  }
  if (!options.backups) throw new ServiceError('unavailable', 'Backups are not available here.');
  return options.backups;
}

function clinicsOf(options: HandlerOptions): ClinicSwitcher {
  if (!options.clinics) throw new ServiceError('unavailable', 'The demo clinic is not available here.');
  return options.clinics;
}

function exportsOf(options: HandlerOptions): ExportPorts {
  if (!options.exports) throw new ServiceError('unavailable', 'Exporting files is not available here.');
  return options.exports;
}

function clinicDatabaseOf(db: Kysely<DB>, options: HandlerOptions): ClinicDatabaseService {
  if (!options.clinicDatabase) throw new ServiceError('unavailable', 'Where the clinic is kept cannot be changed here.');
  return new ClinicDatabaseService(db, options.clinicDatabase);
}

/** One handler per contract channel; a missing one is a compile error. */
export function createHandlers(db: Kysely<DB>, options: HandlerOptions): Handlers {
  const dashboard = new DashboardReader(db);
  const today = new TodayReader(db);
  const auditChain = new AuditChainMonitor(db, undefined, options.onAuditChainBroken);
  if (options.verifyAuditAtStart) void auditChain.check();
  const signedIn = async (ctx: HandlerContext, result: SignInResult): Promise<SignInResult> => {
    ctx.session?.signIn(result.staff.id, ctx.now);
    return result;
  };
  return {
    'app:info': () => getAppInfo(db, options.appVersion, options.clinics?.demo ?? false, options.logPath ?? null),
    'app:openDemoClinic': (_input, ctx) => clinicsOf(options).openDemo(localIsoDate(ctx.now)),
    'app:leaveDemoClinic': () => clinicsOf(options).leaveDemo(),
    'auth:session': (_input, ctx) => authSession(db, ctx.actor),
    'auth:signIn': async (input, ctx) => signedIn(ctx, await signIn(db, ctx, input)),
    'auth:signOut': async (input, ctx) => {
      ctx.session?.signOut();
      await signOut(db, ctx, ctx.actor, input.reason);
      return {};
    },
    'auth:changePassword': (input, ctx) => changePassword(db, ctx, input),
    'auth:setUpSignIn': async (input, ctx) => signedIn(ctx, await setUpSignIn(db, ctx, input)),
    'staff:list': (input) => listStaff(db, input.includeInactive),
    'staff:createFirst': async (input, ctx) => signedIn(ctx, await createFirstStaff(db, ctx, input)),
    'staff:create': (input, ctx) => createStaff(db, ctx, input),
    'staff:update': ({ id, ...fields }, ctx) => updateStaff(db, ctx, id, fields),
    'staff:resetPassword': (input, ctx) => resetPassword(db, ctx, input.staffId),
    'patients:search': (input) => searchPatients(db, input),
    'patients:get': (input, ctx) => readLoggingView(db, ctx, 'patient', input.id, getPatient(db, input.id)),
    'patients:create': (input, ctx) => createPatient(db, ctx, input),
    'patients:update': ({ id, version, ...fields }, ctx) => updatePatient(db, ctx, id, version, fields),
    'patients:archive': (input, ctx) => archivePatient(db, ctx, input),
    'patients:restore': (input, ctx) => restorePatient(db, ctx, input),
    'audit:list': (input) => listAudit(db, input.entity, input.entityId),
    'audit:revision': () => getDataRevision(db),
    'audit:verifyChain': async (input) => {
      if (input.recheck) await auditChain.check();
      return auditChain.report();
    },
    'audit:accessLog': (input) => listAccess(db, input.patientId),
    'protocols:list': (input) => listProtocols(db, input.includeInactive),
    'protocols:create': (input, ctx) => createProtocol(db, ctx, input),
    'protocols:revise': ({ id, ...fields }, ctx) => reviseProtocol(db, ctx, id, fields),
    'protocols:retire': (input, ctx) => retireProtocol(db, ctx, input.id, input.reason),
    'courses:prescribe': (input, ctx) => prescribeCourse(db, ctx, input),
    'courses:get': (input, ctx) => readLoggingView(db, ctx, 'course', input.id, getCourseDetail(db, ctx, input.id)),
    'courses:listForPatient': (input) => listCoursesForPatient(db, input.patientId),
    'courses:authorize': (input, ctx) => authorizeSessions(db, ctx, input),
    'courses:end': (input, ctx) => endCourse(db, ctx, input),
    'courses:clearReview': (input, ctx) => clearReview(db, ctx, input),
    'motorThresholds:record': (input, ctx) => recordThreshold(db, ctx, input),
    'history:get': (input, ctx) => readLoggingView(db, ctx, 'patient', input.patientId, getTreatmentHistory(db, input.patientId)),
    'history:saveTrial': (input, ctx) => saveTrial(db, ctx, input.trial, input.id, input.version),
    'history:savePsychotherapy': (input, ctx) => savePsychotherapy(db, ctx, input.trial, input.id, input.version),
    'history:addMedication': (input, ctx) => addMedication(db, ctx, input.medication),
    'history:changeMedication': (input, ctx) => changeMedication(db, ctx, input),
    'history:thresholdRecheck': (input) => thresholdRecheckForCourse(db, input.courseId),
    'screening:readiness': (input) => getReadiness(db, input.courseId),
    'screening:record': (input, ctx) => recordScreening(db, ctx, input),
    'screening:clear': (input, ctx) => clearScreening(db, ctx, input.screeningId, input.clearance),
    'consent:record': (input, ctx) => recordConsent(db, ctx, input),
    'sessions:prepare': (input, ctx) => prepareSession(db, ctx, input.courseId, input.sessionId),
    'sessions:create': ({ cosign, ...fields }, ctx) => createSession(db, ctx, fields, cosign),
    'sessions:correct': ({ id, version, correctionReason, cosign, ...fields }, ctx) => correctSession(db, ctx, id, version, correctionReason, fields, cosign),
    'sessions:today': async (input) => [...(await today.list(input.date))],
    'courses:setPlannedTime': (input, ctx) => setCoursePlannedTime(db, ctx, input),
    'today:setPlannedTime': (input, ctx) => setDayPlannedTime(db, ctx, input),
    'sessions:submitForCosign': (input, ctx) => submitForCosign(db, ctx, input),
    'sessions:listPending': (input) => listPendingSessions(db, input.courseId),
    'sessions:signPending': (input, ctx) => signPendingSession(db, ctx, input.pendingId),
    'sessions:declinePending': (input, ctx) => declinePendingSession(db, ctx, input.pendingId, input.note),
    'phq9:create': (input, ctx) => createAssessment(db, ctx, input),
    'phq9:listForPatient': (input) => listForPatient(db, input.patientId),
    'phq9:acknowledge': (input, ctx) => acknowledgeItem9(db, ctx, input.assessmentId, input.actionTaken),
    'phq9:markEnteredInError': (input, ctx) => markEnteredInError(db, ctx, input.assessmentId, input.reason),
    'phq9:openAlerts': () => openItem9Alerts(db),
    'assessments:create': (input, ctx) => createAnyAssessment(db, ctx, input),
    'assessments:listForPatient': (input) => listAssessments(db, input.patientId, input.scale),
    'assessments:acknowledge': (input, ctx) => acknowledgeSuicideItem(db, ctx, input.assessmentId, input.actionTaken),
    'assessments:markEnteredInError': (input, ctx) => markAssessmentEnteredInError(db, ctx, input.assessmentId, input.reason),
    'assessments:openAlerts': () => openSuicideItemAlerts(db),
    'coursePlans:get': (input) => getCoursePlan(db, input.courseId),
    'coursePlans:set': (input, ctx) => setCoursePlan(db, ctx, input),
    'dashboard:courses': (input) => dashboard.courses(input),
    'dashboard:cohort': (input) => dashboard.cohort(input),
    'outcomeRuleChanges:listUnseen': (_input, ctx) => listUnseenOutcomeRuleChanges(db, ctx),
    'outcomeRuleChanges:markSeen': (input, ctx) => markOutcomeRuleChangesSeen(db, ctx, input.ids),
    'settings:get': () => getClinicSettings(db),
    'settings:update': (input, ctx) => updateClinicSettings(db, ctx, input),
    'reports:data': (input, ctx) => readLoggingView(db, ctx, 'course', input.courseId, getReportData(db, ctx, input.courseId)),
    'reports:exportPdf': (input, ctx) => exportCoursePdf(db, ctx, exportsOf(options), input.courseId),
    'reports:exportCsv': (input, ctx) => exportCourseCsv(db, ctx, exportsOf(options), input.courseId, input.kind),
    'fhir:exportCourse': (input, ctx) => exportCourseFhir(db, ctx, exportsOf(options), input.courseId),
    'import:check': (input, ctx) => checkImport(db, ctx, input),
    'import:commit': (input, ctx) => commitImport(db, ctx, input),
    'import:list': (_input, ctx) => listImports(db, ctx),
    'import:undo': (input, ctx) => undoImport(db, ctx, input.batchId),
    'reports:packetData': (input, ctx) => readLoggingView(db, ctx, 'course', input.courseId, getPacketData(db, ctx, input.courseId)),
    'reports:exportPacket': (input, ctx) => exportPacketPdf(db, ctx, exportsOf(options), input.courseId, input.kind),
    'backups:list': async () => backupsOf(options, db).list(),
    'backups:create': (_input, ctx) => backupsOf(options, db).create('manual', ctx.now),
    'backups:preview': (input, ctx) => backupsOf(options, db).preview(input, ctx.now),
    'backups:restore': (input, ctx) => backupsOf(options, db).restore(ctx, input),
    'backups:setPassphrase': (input, ctx) => backupsOf(options, db).setPassphrase(ctx, input),
    'backups:setRetention': (input, ctx) => backupsOf(options, db).setRetention(ctx, input),
    // The clinic file is open: there is nothing to recover (see main/recovery for when it is not).
    'recovery:status': async () => ({ state: 'open' as const }),
    'recovery:restore': async () => {
      throw new ServiceError('conflict', 'The clinic’s file is open: restore backups from the Backups screen.');
    },
    'recovery:retryServer': async () => {
      throw new ServiceError('conflict', 'The clinic database is open: there is nothing to try again.');
    },
    'recovery:useThisComputer': async () => {
      throw new ServiceError('conflict', 'The clinic database is open: change where it is kept in Settings → Clinic database.');
    },
    'clinicDatabase:get': () => clinicDatabaseOf(db, options).status(),
    'clinicDatabase:test': (input) => clinicDatabaseOf(db, options).test(input),
    'clinicDatabase:save': (input) => clinicDatabaseOf(db, options).save(input),
    'clinicDatabase:move': (input, ctx) => clinicDatabaseOf(db, options).move(ctx, input),
  };
}
