import { diagnosisLabel } from '../../../shared/icd10';
import type { Patient } from '../../../shared/schemas/patient';
import type { ResourceIds } from './ids';
import {
  CONDITION_CATEGORY, CONDITION_CLINICAL, CONDITION_VERIFICATION, ICD10_CM, LOCAL_MRN, LOCAL_STAFF, V2_IDENTIFIER_TYPE,
} from './systems';
import type { ConditionResource, PatientResource, PractitionerResource } from './types';

export function patientResource(patient: Patient, ids: ResourceIds): PatientResource {
  return {
    resourceType: 'Patient',
    id: ids.id('Patient', patient.id),
    identifier: [{
      use: 'usual',
      type: { coding: [{ system: V2_IDENTIFIER_TYPE, code: 'MR', display: 'Medical record number' }] },
      system: LOCAL_MRN,
      value: patient.mrn,
    }],
    active: patient.archivedAt === null,
    name: [{ use: 'official', family: patient.lastName, given: [patient.firstName] }],
    // The app's sexes are FHIR's administrative genders, code for code.
    gender: patient.sex,
    birthDate: patient.dateOfBirth,
  };
}

export function practitionerResource(staff: { id: number; name: string }, ids: ResourceIds): PractitionerResource {
  return {
    resourceType: 'Practitioner',
    id: ids.id('Practitioner', staff.id),
    identifier: [{ system: LOCAL_STAFF, value: String(staff.id) }],
    name: [{ text: staff.name }],
  };
}

/** The diagnosis the course treats: the patient's primary ICD-10(-CM) code. */
export function conditionResource(patient: Patient, ids: ResourceIds): ConditionResource {
  const label = diagnosisLabel(patient.primaryDiagnosis);
  return {
    resourceType: 'Condition',
    id: ids.id('Condition', patient.id),
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] },
    verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed' }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item', display: 'Problem List Item' }] }],
    code: { coding: [{ system: ICD10_CM, code: patient.primaryDiagnosis, ...(label ? { display: label } : {}) }], text: label ?? patient.primaryDiagnosis },
    subject: ids.ref('Patient', patient.id),
  };
}
