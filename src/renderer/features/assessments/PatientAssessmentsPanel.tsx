import type { Patient } from '../../../shared/schemas/patient';
import { AssessmentsPanel } from './AssessmentsPanel';
import { usePatientAssessments } from './queries';

/** The patient's assessments of every scale beside the PHQ-9 (which has its own panel). */
export function PatientAssessmentsPanel({ patient }: { patient: Patient }) {
  const list = usePatientAssessments(patient.id);
  return <AssessmentsPanel patient={patient} assessments={list.data} error={list.error} returnTo={`/patients/${patient.id}`} />;
}
