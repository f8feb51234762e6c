import { z } from 'zod';
import { appInfo, clinicSwitchResult } from '../schemas/appInfo';
import { auditEntry, auditListInput } from '../schemas/audit';
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
import { protocol, protocolCreateInput, protocolListInput, protocolRetireInput, protocolReviseInput } from '../schemas/protocol';
import {
  sessionCorrectInput,
  sessionCreateInput,
  sessionPrepared,
  sessionPrepareInput,
  sessionRow,
  todayInput,
  todayItem,
} from '../schemas/session';
import { cohort, dashboardFilters, dashboardRow } from '../schemas/dashboard';
import { phq9AcknowledgeInput, phq9Alert, phq9Assessment, phq9CreateInput, phq9ListInput, phq9MarkEnteredInErrorInput } from '../schemas/phq9';
import { csvExportInput, exportResult, reportData, reportDataInput, reportExportInput } from '../schemas/report';
import { clinicSettings, clinicSettingsUpdateInput } from '../schemas/settings';
import type { Channel } from './channels';

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** Every IPC channel: its input and output schemas. Declared once, used by main and renderer. */
export const contract = {
  'app:info': { input: z.object({}), output: appInfo },
  'app:openDemoClinic': { input: z.object({}), output: clinicSwitchResult },
  'app:leaveDemoClinic': { input: z.object({}), output: clinicSwitchResult },
  'staff:list': { input: staffListInput, output: z.array(staff) },
  'staff:createFirst': { input: firstStaffFields, output: staff },
  'staff:create': { input: staffCreateInput, output: staff },
  'staff:update': { input: staffUpdateInput, output: staff },
  'patients:search': { input: patientSearchInput, output: patientSearchResult },
  'patients:get': { input: patientGetInput, output: patient },
  'patients:create': { input: patientCreateInput, output: patient },
  'patients:update': { input: patientUpdateInput, output: patient },
  'patients:archive': { input: patientArchiveInput, output: patient },
  'patients:restore': { input: patientRestoreInput, output: patient },
  'audit:list': { input: auditListInput, output: z.array(auditEntry) },
  'protocols:list': { input: protocolListInput, output: z.array(protocol) },
  'protocols:create': { input: protocolCreateInput, output: protocol },
  'protocols:revise': { input: protocolReviseInput, output: protocol },
  'protocols:retire': { input: protocolRetireInput, output: protocol },
  'courses:prescribe': { input: coursePrescribeInput, output: course },
  'courses:get': { input: courseGetInput, output: courseDetail },
  'courses:listForPatient': { input: courseListForPatientInput, output: z.array(courseSummary) },
  'courses:authorize': { input: courseAuthorizeInput, output: course },
  'courses:end': { input: courseSetStatusInput, output: course },
  'courses:clearReview': { input: courseClearReviewInput, output: course },
  'motorThresholds:record': { input: motorThresholdRecordInput, output: motorThreshold },
  'sessions:prepare': { input: sessionPrepareInput, output: sessionPrepared },
  'sessions:create': { input: sessionCreateInput, output: sessionRow },
  'sessions:correct': { input: sessionCorrectInput, output: sessionRow },
  'sessions:today': { input: todayInput, output: z.array(todayItem) },
  'phq9:create': { input: phq9CreateInput, output: phq9Assessment },
  'phq9:listForPatient': { input: phq9ListInput, output: z.array(phq9Assessment) },
  'phq9:acknowledge': { input: phq9AcknowledgeInput, output: phq9Assessment },
  'phq9:markEnteredInError': { input: phq9MarkEnteredInErrorInput, output: phq9Assessment },
  'phq9:openAlerts': { input: z.object({}), output: z.array(phq9Alert) },
  'dashboard:courses': { input: dashboardFilters, output: z.array(dashboardRow) },
  'dashboard:cohort': { input: dashboardFilters, output: cohort },
  'settings:get': { input: z.object({}), output: clinicSettings },
  'settings:update': { input: clinicSettingsUpdateInput, output: clinicSettings },
  'reports:data': { input: reportDataInput, output: reportData },
  'reports:exportPdf': { input: reportExportInput, output: exportResult },
  'reports:exportCsv': { input: csvExportInput, output: exportResult },
} as const satisfies { [C in Channel]: ChannelSpec };

export type Contract = typeof contract;
/** What a caller passes (defaults may be omitted). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
