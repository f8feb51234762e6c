import { z } from 'zod';
import { recoveryRestartResult, recoveryRestoreInput, recoveryRestoreResult, recoveryStatus } from '../schemas/recovery';
import { appInfo, clinicSwitchResult } from '../schemas/appInfo';
import { accessEntry, accessListInput, auditChainInput, auditChainReport, auditEntry, auditListInput, dataRevision } from '../schemas/audit';
import {
  patient,
  patientArchiveInput,
  patientCreateInput,
  patientGetInput,
  patientRestoreInput,
  patientSearchInput,
  patientSearchResult,
  patientUpdateInput,
} from '../schemas/patient';
import {
  firstStaffFields,
  staff,
  staffCreateInput,
  staffListInput,
  staffUpdateInput,
} from '../schemas/staff';
import {
  course,
  courseAuthorizeInput,
  courseClearReviewInput,
  courseDetail,
  courseGetInput,
  courseListForPatientInput,
  coursePrescribeInput,
  courseSetStatusInput,
  courseSummary,
} from '../schemas/course';
import { motorThreshold, motorThresholdRecordInput } from '../schemas/motorThreshold';
import {
  antidepressantTrial,
  currentMedication,
  historyGetInput,
  medicationAddInput,
  medicationChangeInput,
  psychotherapySaveInput,
  psychotherapyTrial,
  recheckInput,
  thresholdRecheckSchema,
  treatmentHistory,
  trialSaveInput,
} from '../schemas/history';
import { consent, consentRecordInput, courseReadiness, readinessInput, safetyScreening, screeningClearInput, screeningRecordInput } from '../schemas/screening';
import { protocol, protocolCreateInput, protocolListInput, protocolRetireInput, protocolReviseInput } from '../schemas/protocol';
import {
  authSession,
  changePasswordInput,
  oneTimePasswordResult,
  resetPasswordInput,
  setUpSignInInput,
  signInInput,
  signInResult,
  signOutInput,
} from '../schemas/auth';
import {
  pendingDeclineInput,
  pendingListInput,
  pendingSession,
  pendingSignInput,
  sessionSubmitForCosignInput,
  sessionCorrectInput,
  sessionCreateInput,
  sessionPrepared,
  sessionPrepareInput,
  sessionRow,
  todayInput,
  todayItem,
  coursePlannedTimeInput,
  dayPlannedTimeInput,
} from '../schemas/session';
import { cohort, dashboardCoursesInput, dashboardFilters, dashboardPage } from '../schemas/dashboard';
import { outcomeRuleChange, outcomeRuleChangesListInput, outcomeRuleChangesMarkSeenInput, outcomeRuleChangesMarkSeenOutput } from '../schemas/outcomeRuleChange';
import { phq9AcknowledgeInput, phq9Alert, phq9Assessment, phq9CreateInput, phq9ListInput, phq9MarkEnteredInErrorInput } from '../schemas/phq9';
import {
  assessment,
  assessmentAcknowledgeInput,
  assessmentAlert,
  assessmentFields,
  assessmentListInput,
  assessmentMarkEnteredInErrorInput,
} from '../schemas/assessment';
import { coursePlan, coursePlanGetInput, coursePlanSetInput } from '../schemas/coursePlan';
import { packetData, packetDataInput, packetExportInput } from '../schemas/packet';
import { csvExportInput, exportResult, reportData, reportDataInput, reportExportInput } from '../schemas/report';
import { clinicSettings, clinicSettingsUpdateInput } from '../schemas/settings';
import { importBatch, importCheck, importInput, importUndoInput } from '../schemas/import';
import {
  backupCreateInput,
  backupInfo,
  backupList,
  backupPreview,
  backupRef,
  backupRestoreInput,
  backupRestoreResult,
  backupSetPassphraseInput,
  backupSettingsResult,
  retentionRule,
} from '../schemas/backup';
import {
  clinicDatabaseSaveInput,
  clinicDatabaseSaveResult,
  clinicDatabaseStatus,
  clinicMoveResult,
  clinicServerInput,
  connectionTestResult,
} from '../schemas/clinicDatabase';
import { ADMIN, type ChannelAccess, CLINICAL, PSYCHIATRIST, PSYCHIATRIST_OR_ADMIN } from './access';
import type { Channel } from './channels';

interface ChannelSpec {
  access: ChannelAccess;
  input: z.ZodType;
  output: z.ZodType;
}

/** Every IPC channel: who may call it, its input and output schemas. Declared once, used by main and renderer. */
export const contract = {
  'app:info': { access: 'public', input: z.object({}), output: appInfo },
  'app:openDemoClinic': { access: 'public', input: z.object({}), output: clinicSwitchResult },
  'app:leaveDemoClinic': { access: 'public', input: z.object({}), output: clinicSwitchResult },
  'auth:session': { access: 'public', input: z.object({}), output: authSession },
  'auth:signIn': { access: 'public', input: signInInput, output: signInResult },
  'auth:signOut': { access: 'public', input: signOutInput, output: z.object({}) },
  'auth:changePassword': { access: 'signed-in', input: changePasswordInput, output: signInResult },
  'auth:setUpSignIn': { access: 'public', input: setUpSignInInput, output: signInResult },
  'staff:list': { access: 'signed-in', input: staffListInput, output: z.array(staff) },
  'staff:createFirst': { access: 'public', input: firstStaffFields, output: signInResult },
  'staff:create': { access: 'staff-manager', input: staffCreateInput, output: oneTimePasswordResult },
  'staff:update': { access: 'staff-manager', input: staffUpdateInput, output: staff },
  'staff:resetPassword': { access: 'staff-manager', input: resetPasswordInput, output: oneTimePasswordResult },
  'patients:search': { access: 'signed-in', input: patientSearchInput, output: patientSearchResult },
  'patients:get': { access: 'signed-in', input: patientGetInput, output: patient },
  'patients:create': { access: 'signed-in', input: patientCreateInput, output: patient },
  'patients:update': { access: 'signed-in', input: patientUpdateInput, output: patient },
  'patients:archive': { access: 'signed-in', input: patientArchiveInput, output: patient },
  'patients:restore': { access: 'signed-in', input: patientRestoreInput, output: patient },
  'audit:list': { access: 'signed-in', input: auditListInput, output: z.array(auditEntry) },
  'audit:revision': { access: 'signed-in', input: z.object({}), output: dataRevision },
  'audit:verifyChain': { access: ADMIN, input: auditChainInput, output: auditChainReport },
  'audit:accessLog': { access: ADMIN, input: accessListInput, output: z.array(accessEntry) },
  'protocols:list': { access: 'signed-in', input: protocolListInput, output: z.array(protocol) },
  'protocols:create': { access: PSYCHIATRIST, input: protocolCreateInput, output: protocol },
  'protocols:revise': { access: PSYCHIATRIST, input: protocolReviseInput, output: protocol },
  'protocols:retire': { access: PSYCHIATRIST, input: protocolRetireInput, output: protocol },
  'courses:prescribe': { access: PSYCHIATRIST, input: coursePrescribeInput, output: course },
  'courses:get': { access: 'signed-in', input: courseGetInput, output: courseDetail },
  'courses:listForPatient': { access: 'signed-in', input: courseListForPatientInput, output: z.array(courseSummary) },
  'courses:authorize': { access: PSYCHIATRIST_OR_ADMIN, input: courseAuthorizeInput, output: course },
  'courses:end': { access: PSYCHIATRIST, input: courseSetStatusInput, output: course },
  'courses:clearReview': { access: PSYCHIATRIST, input: courseClearReviewInput, output: course },
  'motorThresholds:record': { access: CLINICAL, input: motorThresholdRecordInput, output: motorThreshold },
  // A patient's treatment history (issue 15): trials and medications, entered by clinical staff.
  'history:get': { access: 'signed-in', input: historyGetInput, output: treatmentHistory },
  'history:saveTrial': { access: CLINICAL, input: trialSaveInput, output: antidepressantTrial },
  'history:savePsychotherapy': { access: CLINICAL, input: psychotherapySaveInput, output: psychotherapyTrial },
  'history:addMedication': { access: CLINICAL, input: medicationAddInput, output: currentMedication },
  'history:changeMedication': { access: CLINICAL, input: medicationChangeInput, output: currentMedication },
  'history:thresholdRecheck': { access: 'signed-in', input: recheckInput, output: thresholdRecheckSchema },
  // Before a course's first session: the safety screening (cleared by a psychiatrist) and the consent.
  'screening:readiness': { access: 'signed-in', input: readinessInput, output: courseReadiness },
  'screening:record': { access: CLINICAL, input: screeningRecordInput, output: safetyScreening },
  'screening:clear': { access: PSYCHIATRIST, input: screeningClearInput, output: safetyScreening },
  'consent:record': { access: CLINICAL, input: consentRecordInput, output: consent },
  'sessions:prepare': { access: CLINICAL, input: sessionPrepareInput, output: sessionPrepared },
  'sessions:create': { access: CLINICAL, input: sessionCreateInput, output: sessionRow },
  'sessions:correct': { access: CLINICAL, input: sessionCorrectInput, output: sessionRow },
  'sessions:today': { access: 'signed-in', input: todayInput, output: z.array(todayItem) },
  'courses:setPlannedTime': { access: CLINICAL, input: coursePlannedTimeInput, output: course },
  'today:setPlannedTime': { access: CLINICAL, input: dayPlannedTimeInput, output: z.object({ plannedTime: z.string().nullable() }) },
  'sessions:submitForCosign': { access: CLINICAL, input: sessionSubmitForCosignInput, output: pendingSession },
  'sessions:listPending': { access: 'signed-in', input: pendingListInput, output: z.array(pendingSession) },
  'sessions:signPending': { access: PSYCHIATRIST, input: pendingSignInput, output: sessionRow },
  'sessions:declinePending': { access: PSYCHIATRIST, input: pendingDeclineInput, output: pendingSession },
  'phq9:create': { access: CLINICAL, input: phq9CreateInput, output: phq9Assessment },
  'phq9:listForPatient': { access: 'signed-in', input: phq9ListInput, output: z.array(phq9Assessment) },
  'phq9:acknowledge': { access: PSYCHIATRIST, input: phq9AcknowledgeInput, output: phq9Assessment },
  'phq9:markEnteredInError': { access: PSYCHIATRIST, input: phq9MarkEnteredInErrorInput, output: phq9Assessment },
  'phq9:openAlerts': { access: 'signed-in', input: z.object({}), output: z.array(phq9Alert) },
  // Every rating scale (src/shared/clinical/scales). Who may rate a clinician-rated scale
  // (psychiatrists, staff marked as trained raters) is decided in main by the service.
  'assessments:create': { access: CLINICAL, input: assessmentFields, output: assessment },
  'assessments:listForPatient': { access: 'signed-in', input: assessmentListInput, output: z.array(assessment) },
  'assessments:acknowledge': { access: PSYCHIATRIST, input: assessmentAcknowledgeInput, output: assessment },
  'assessments:markEnteredInError': { access: PSYCHIATRIST, input: assessmentMarkEnteredInErrorInput, output: assessment },
  'assessments:openAlerts': { access: 'signed-in', input: z.object({}), output: z.array(assessmentAlert) },
  // Which scales a course follows and how often (default PHQ-9 weekly).
  'coursePlans:get': { access: 'signed-in', input: coursePlanGetInput, output: coursePlan },
  'coursePlans:set': { access: PSYCHIATRIST, input: coursePlanSetInput, output: coursePlan },
  'dashboard:courses': { access: 'signed-in', input: dashboardCoursesInput, output: dashboardPage },
  'dashboard:cohort': { access: 'signed-in', input: dashboardFilters, output: cohort },
  // Courses whose outcome changed with the date-window rules (migration 0011), until each psychiatrist has seen them.
  'outcomeRuleChanges:listUnseen': { access: PSYCHIATRIST, input: outcomeRuleChangesListInput, output: z.array(outcomeRuleChange) },
  'outcomeRuleChanges:markSeen': { access: PSYCHIATRIST, input: outcomeRuleChangesMarkSeenInput, output: outcomeRuleChangesMarkSeenOutput },
  'settings:get': { access: 'signed-in', input: z.object({}), output: clinicSettings },
  'settings:update': { access: 'staff-manager', input: clinicSettingsUpdateInput, output: clinicSettings },
  'reports:data': { access: 'signed-in', input: reportDataInput, output: reportData },
  'reports:exportPdf': { access: 'signed-in', input: reportExportInput, output: exportResult },
  'reports:exportCsv': { access: 'signed-in', input: csvExportInput, output: exportResult },
  'fhir:exportCourse': { access: 'signed-in', input: reportExportInput, output: exportResult },
  // CSV imports: bulk creation of patients, PHQ-9 history and past courses, for those who run the clinic's records.
  'import:check': { access: PSYCHIATRIST_OR_ADMIN, input: importInput, output: importCheck },
  'import:commit': { access: PSYCHIATRIST_OR_ADMIN, input: importInput, output: importBatch },
  'import:list': { access: PSYCHIATRIST_OR_ADMIN, input: z.object({}), output: z.array(importBatch) },
  'import:undo': { access: PSYCHIATRIST_OR_ADMIN, input: importUndoInput, output: importBatch },
  // The payer documents printed from a course: facts from the record, never a claim of coverage.
  'reports:packetData': { access: 'signed-in', input: packetDataInput, output: packetData },
  'reports:exportPacket': { access: 'signed-in', input: packetExportInput, output: exportResult },
  'backups:list': { access: ADMIN, input: z.object({}), output: backupList },
  'backups:create': { access: ADMIN, input: backupCreateInput, output: backupInfo },
  'backups:preview': { access: ADMIN, input: backupRef, output: backupPreview },
  'backups:restore': { access: ADMIN, input: backupRestoreInput, output: backupRestoreResult },
  'backups:setPassphrase': { access: ADMIN, input: backupSetPassphraseInput, output: backupSettingsResult },
  'backups:setRetention': { access: ADMIN, input: retentionRule, output: retentionRule },
  // The recovery screen, shown when the clinic file cannot be opened; nobody can sign in to it, so
  // the restore checks the credentials of an administrator in the backup itself (main/recovery).
  'recovery:status': { access: 'public', input: z.object({}), output: recoveryStatus },
  'recovery:restore': { access: 'public', input: recoveryRestoreInput, output: recoveryRestoreResult },
  // When the workstation's clinic server cannot be used at start: try it again, or go back to this
  // computer's clinic (a setting of this workstation, not of the clinic's data; nobody can sign in meanwhile).
  'recovery:retryServer': { access: 'public', input: z.object({}), output: recoveryRestartResult },
  'recovery:useThisComputer': { access: 'public', input: z.object({}), output: recoveryRestartResult },
  // Where this workstation's clinic lives: this computer's file or a clinic server (issue 16).
  'clinicDatabase:get': { access: ADMIN, input: z.object({}), output: clinicDatabaseStatus },
  'clinicDatabase:test': { access: ADMIN, input: clinicServerInput, output: connectionTestResult },
  'clinicDatabase:save': { access: ADMIN, input: clinicDatabaseSaveInput, output: clinicDatabaseSaveResult },
  'clinicDatabase:move': { access: ADMIN, input: clinicServerInput, output: clinicMoveResult },
} as const satisfies { [C in Channel]: ChannelSpec };

export type Contract = typeof contract;
/** What a caller passes (defaults may be omitted). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
