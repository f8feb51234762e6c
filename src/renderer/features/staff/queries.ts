import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';

export function useStaffList(includeInactive = false, enabled = true) {
  return useQuery({
    queryKey: queryKeys.staffList(includeInactive),
    queryFn: () => call('staff:list', { includeInactive }),
    enabled,
  });
}

function useStaffMutation<C extends 'staff:createFirst' | 'staff:create' | 'staff:update' | 'staff:resetPassword'>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onSuccess: () => Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.staff }),
      client.invalidateQueries({ queryKey: queryKeys.appInfo }),
    ]),
  });
}

export const useCreateFirstStaff = () => useStaffMutation('staff:createFirst');
export const useCreateStaff = () => useStaffMutation('staff:create');
export const useUpdateStaff = () => useStaffMutation('staff:update');
export const useResetPassword = () => useStaffMutation('staff:resetPassword');
