import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';

export function usePatientPhq9(patientId: number) {
  return useQuery({ queryKey: queryKeys.patientPhq9(patientId), queryFn: () => call('phq9:listForPatient', { patientId }) });
}

/** Open item-9 alerts, re-read every minute so one entered elsewhere is not missed. */
export function useItem9Alerts() {
  return useQuery({ queryKey: queryKeys.item9Alerts, queryFn: () => call('phq9:openAlerts', {}), staleTime: 0, refetchInterval: 60_000 });
}
