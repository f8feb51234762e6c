import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';

export function useProtocols(includeInactive = false) {
  return useQuery({
    queryKey: queryKeys.protocolList(includeInactive),
    queryFn: () => call('protocols:list', { includeInactive }),
  });
}

export function useProtocolMutation<C extends 'protocols:create' | 'protocols:revise' | 'protocols:retire'>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.protocols }),
  });
}
