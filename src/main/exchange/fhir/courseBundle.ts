import { phq9SeverityLabels } from '../../../shared/clinical';
import type { CourseDetail } from '../../../shared/schemas/course';
import { ResourceIds } from './ids';
import { type AntidepressantTrial, trialMedicationStatement } from './medications';
import { assessmentObservations, type ExportAssessment } from './observations';
import { conditionResource, patientResource, practitionerResource } from './people';
import { localZoneOffset, sessionProcedures, type ZoneOffset } from './procedures';
import { LOCAL_EXPORT } from './systems';
import type { BundleResource, Resource } from './types';

export interface CourseBundleOptions {
  /** When the export is made (Bundle.timestamp). */
  now: Date;
  /** The patient's antidepressant trials (treatment history). */
  trials?: readonly AntidepressantTrial[];
  /** The course's assessments of the other scales with export codes (GAD-7, MADRS, HAM-D 17; see courseScaleAssessments). */
  otherScales?: readonly ExportAssessment[];
  zoneOffset?: ZoneOffset;
}

/** The course's PHQ-9s (those that measure it, entered-in-error ones included) in the export's scale-neutral shape. */
export function coursePhq9s(detail: CourseDetail): ExportAssessment[] {
  return detail.phq9.map((a) => ({
    id: a.id,
    scale: 'phq9',
    assessedOn: a.assessedOn,
    answers: a.answers,
    total: a.total,
    severityLabel: phq9SeverityLabels[a.severity],
    enteredInError: a.enteredInError !== null,
    difficulty: a.difficulty,
  }));
}

/**
 * A patient's course as a FHIR R4 `collection` Bundle: Patient, the Practitioners (prescriber and
 * technicians), the Condition (primary ICD-10 diagnosis), an Observation panel per assessment,
 * a Procedure per delivered session with its CPT code, and a MedicationStatement per antidepressant
 * trial. References are `urn:uuid:` full URLs inside the Bundle.
 */
export function courseBundle(detail: CourseDetail, options: CourseBundleOptions): BundleResource {
  const { patient, course } = detail;
  const ids = new ResourceIds(`mrn:${patient.mrn}`);
  const subject = ids.ref('Patient', patient.id, `${patient.lastName}, ${patient.firstName}`);
  const staff = new Map<number, string>([[course.prescriberId, course.prescriberName]]);
  for (const s of detail.sessions) staff.set(s.technicianId, s.technicianName);
  const condition = conditionResource(patient, ids);
  const resources: Resource[] = [
    patientResource(patient, ids),
    ...[...staff].map(([id, name]) => practitionerResource({ id, name }, ids)),
    condition,
    ...[...coursePhq9s(detail), ...(options.otherScales ?? [])].flatMap((a) => assessmentObservations(a, subject, ids)),
    ...sessionProcedures(detail.sessions, {
      subject,
      reason: { reference: `urn:uuid:${condition.id}` },
      billingScheme: course.billingScheme,
      thresholdDates: detail.motorThresholds.map((m) => m.measuredOn),
      zoneOffset: options.zoneOffset ?? localZoneOffset,
      ids,
    }),
    ...(options.trials ?? []).map((t) => trialMedicationStatement(t, subject, ids)),
  ];
  const timestamp = options.now.toISOString();
  return {
    resourceType: 'Bundle',
    id: ids.id('Bundle', `course/${course.id}/${timestamp}`),
    identifier: { system: LOCAL_EXPORT, value: `course-${course.id}-${timestamp}` },
    type: 'collection',
    timestamp,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
