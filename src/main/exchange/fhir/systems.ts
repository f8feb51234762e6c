/** Code systems and identifier namespaces the export uses. */
export const LOINC = 'http://loinc.org';
/** ICD-10-CM (FHIR R4 terminology: hl7.org/fhir/R4/icd.html#icd-10-cm). */
export const ICD10_CM = 'http://hl7.org/fhir/sid/icd-10-cm';
/** CPT (FHIR R4 terminology: hl7.org/fhir/R4/cpt.html). */
export const CPT = 'http://www.ama-assn.org/go/cpt';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const V2_IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
/** R4 core extension on a Coding: the score an answer code stands for. */
export const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

/**
 * This app's own namespaces: identifiers it assigns (MRN, staff, records) and codes no published
 * system has (scales without cited codes, antidepressant trial outcomes). URNs, so they name no
 * server; the receiving system maps them.
 */
const LOCAL = 'urn:tms-course-tracker';
export const LOCAL_MRN = `${LOCAL}:mrn`;
export const LOCAL_STAFF = `${LOCAL}:staff`;
export const LOCAL_EXPORT = `${LOCAL}:export`;
export const LOCAL_SCALE_CODES = `${LOCAL}:codesystem:rating-scales`;
export const LOCAL_PROCEDURE_CODES = `${LOCAL}:codesystem:procedures`;
export const LOCAL_TRIAL_OUTCOMES = `${LOCAL}:codesystem:antidepressant-trial-outcome`;
export const LOCAL_DRUG_CLASSES = `${LOCAL}:codesystem:drug-class`;
