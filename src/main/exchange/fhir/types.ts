/**
 * The parts of FHIR R4 (4.0.1, hl7.org/fhir/R4) this app writes. Only the elements we fill are
 * typed; the tests validate every exported Bundle against the official R4 JSON schema.
 */
export interface Coding {
  system: string;
  code: string;
  display?: string;
  extension?: Extension[];
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Extension {
  url: string;
  valueDecimal?: number;
  valueString?: string;
  valueBoolean?: boolean;
}
export interface Reference {
  reference: string;
  display?: string;
}
export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system: string;
  value: string;
}
export interface Annotation {
  text: string;
}
export interface Period {
  start?: string;
  end?: string;
}

interface ResourceBase {
  id: string;
}

export interface PatientResource extends ResourceBase {
  resourceType: 'Patient';
  identifier: Identifier[];
  active: boolean;
  name: Array<{ use: 'official'; family: string; given: string[] }>;
  gender: 'male' | 'female' | 'other' | 'unknown';
  birthDate: string;
}

export interface PractitionerResource extends ResourceBase {
  resourceType: 'Practitioner';
  identifier: Identifier[];
  name: Array<{ text: string }>;
}

export interface ConditionResource extends ResourceBase {
  resourceType: 'Condition';
  clinicalStatus: CodeableConcept;
  verificationStatus: CodeableConcept;
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
}

export interface ObservationComponent {
  code: CodeableConcept;
  valueInteger?: number;
  valueCodeableConcept?: CodeableConcept;
}

export interface ObservationResource extends ResourceBase {
  resourceType: 'Observation';
  status: 'final' | 'entered-in-error';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime: string;
  valueInteger?: number;
  valueCodeableConcept?: CodeableConcept;
  interpretation?: CodeableConcept[];
  hasMember?: Reference[];
  derivedFrom?: Reference[];
  note?: Annotation[];
}

export interface ProcedureResource extends ResourceBase {
  resourceType: 'Procedure';
  status: 'completed';
  code: CodeableConcept;
  subject: Reference;
  performedDateTime: string;
  performer: Array<{ actor: Reference }>;
  reasonReference: Reference[];
  note?: Annotation[];
}

export interface MedicationStatementResource extends ResourceBase {
  resourceType: 'MedicationStatement';
  status: 'active' | 'stopped';
  statusReason?: CodeableConcept[];
  medicationCodeableConcept: CodeableConcept;
  subject: Reference;
  effectivePeriod: Period;
  dosage: Array<{ text: string }>;
  note?: Annotation[];
}

export type Resource =
  | PatientResource
  | PractitionerResource
  | ConditionResource
  | ObservationResource
  | ProcedureResource
  | MedicationStatementResource;

export interface BundleResource {
  resourceType: 'Bundle';
  id: string;
  identifier: Identifier;
  type: 'collection';
  timestamp: string;
  entry: Array<{ fullUrl: string; resource: Resource }>;
}
