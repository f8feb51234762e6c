import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';

/** Every assessment of a patient, all scales, by date then id. */
export function usePatientAssessments(patientId: number) {
  return useQuery({ queryKey: queryKeys.patientAssessments(patientId), queryFn: () => call('assessments:listForPatient', { patientId }) });
}
