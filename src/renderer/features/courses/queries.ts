import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel } from '../../../shared/ipc/channels';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { refetchUnlessJustSeeded } from '../../app/earlyAnswers';

export function useCourse(id: number) {
  return useQuery({ queryKey: queryKeys.course(id), queryFn: () => call('courses:get', { id }), staleTime: 0 });
}

export function usePatientCourses(patientId: number) {
  return useQuery({ queryKey: queryKeys.patientCourses(patientId), queryFn: () => call('courses:listForPatient', { patientId }) });
}

export function useToday(date: string) {
  // Read afresh on every visit, except the first screen of a page that brought it along (app/earlyAnswers.ts).
  return useQuery({ queryKey: queryKeys.today(date), queryFn: () => call('sessions:today', { date }), staleTime: 0, refetchOnMount: refetchUnlessJustSeeded });
}

export function useSessionPrepare(courseId: number, sessionId?: number) {
  return useQuery({
    queryKey: queryKeys.sessionPrepare(courseId, sessionId),
    queryFn: () => call('sessions:prepare', sessionId === undefined ? { courseId } : { courseId, sessionId }),
    staleTime: 0,
    gcTime: 0,
  });
}

type ClinicalWrite =
  | 'courses:prescribe'
  | 'courses:authorize'
  | 'courses:end'
  | 'courses:clearReview'
  | 'motorThresholds:record'
  | 'sessions:create'
  | 'sessions:correct'
  | 'sessions:submitForCosign'
  | 'sessions:signPending'
  | 'sessions:declinePending'
  | 'phq9:create'
  | 'phq9:acknowledge'
  | 'phq9:markEnteredInError'
  | 'assessments:create'
  | 'assessments:acknowledge'
  | 'assessments:markEnteredInError'
  | 'outcomeRuleChanges:markSeen'
  | 'courses:setPlannedTime'
  | 'today:setPlannedTime';

/** A write to a course or its sessions: refreshes every course view, today's list and histories. */
export function useClinicalMutation<C extends ClinicalWrite & Channel>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.clinical }),
        client.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
