import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';

/** The course's latest screening and consent, and what stops its first session. */
export function useReadiness(courseId: number) {
  return useQuery({ queryKey: queryKeys.readiness(courseId), queryFn: () => call('screening:readiness', { courseId }), staleTime: 0 });
}

type ReadinessWrite = 'screening:record' | 'screening:clear' | 'consent:record';

export function useReadinessMutation<C extends ReadinessWrite>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.clinical }), client.invalidateQueries({ queryKey: ['audit'] })]),
  });
}
