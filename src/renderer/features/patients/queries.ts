import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Patient } from '../../../shared/schemas/patient';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { AppError, call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';

export function usePatientSearch(query: string, includeArchived: boolean) {
  return useQuery({
    queryKey: queryKeys.patientSearch(query, includeArchived),
    queryFn: () => call('patients:search', { query, includeArchived }),
    // Keep the previous rows on screen while the next keystroke's result arrives.
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function usePatient(id: number) {
  return useQuery({
    queryKey: queryKeys.patient(id),
    queryFn: () => {
      if (id <= 0) throw new AppError({ code: 'not_found', message: 'There is no such patient.' });
      return call('patients:get', { id });
    },
  });
}

type PatientWrite = 'patients:create' | 'patients:update' | 'patients:archive' | 'patients:restore';

/** A patient write: refreshes lists, the record and its history afterwards. */
export function usePatientMutation<C extends PatientWrite>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input) as Promise<Patient>,
    onSuccess: async (patient) => {
      client.setQueryData(queryKeys.patient(patient.id), patient);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.patients }),
        client.invalidateQueries({ queryKey: queryKeys.audit('patient', patient.id) }),
        // Archiving ends the patient's open courses: their course views and today's list change too.
        client.invalidateQueries({ queryKey: queryKeys.clinical }),
        client.invalidateQueries({ queryKey: ['audit'] }),
      ]);
    },
  });
}
