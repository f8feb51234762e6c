import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';

export function useTreatmentHistory(patientId: number) {
  return useQuery({ queryKey: queryKeys.treatmentHistory(patientId), queryFn: () => call('history:get', { patientId }) });
}

/** Whether a course's motor threshold must be measured again after a medication change. */
export function useThresholdRecheck(courseId: number) {
  return useQuery({ queryKey: queryKeys.thresholdRecheck(courseId), queryFn: () => call('history:thresholdRecheck', { courseId }), staleTime: 0 });
}

type HistoryWrite = 'history:saveTrial' | 'history:savePsychotherapy' | 'history:addMedication' | 'history:changeMedication';

/** A write to the treatment history: refreshes the history, courses' re-check notices and audit histories. */
export function useHistoryMutation<C extends HistoryWrite>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.clinical }), client.invalidateQueries({ queryKey: ['audit'] })]),
  });
}
