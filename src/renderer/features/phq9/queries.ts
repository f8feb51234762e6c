import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { refetchUnlessJustSeeded } from '../../app/earlyAnswers';
import { queryKeys } from '../../app/queryKeys';

export function usePatientPhq9(patientId: number) {
  return useQuery({ queryKey: queryKeys.patientPhq9(patientId), queryFn: () => call('phq9:listForPatient', { patientId }) });
}

/** Open suicide-item alerts of every scale (PHQ-9 item 9, MADRS item 10, HAM-D item 3), re-read every minute so one entered elsewhere is not missed. */
export function useItem9Alerts() {
  return useQuery({ queryKey: queryKeys.item9Alerts, queryFn: () => call('assessments:openAlerts', {}), staleTime: 0, refetchOnMount: refetchUnlessJustSeeded, refetchInterval: 60_000 });
}
