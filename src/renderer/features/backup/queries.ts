import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';

export const backupsKey = ['backups'] as const;

export function useBackupList() {
  return useQuery({ queryKey: backupsKey, queryFn: () => call('backups:list', {}) });
}

export function useCreateBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('backups:create', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: backupsKey }),
  });
}

/** What a backup holds beside the current file; `input` null waits (an encrypted copy's passphrase). */
export function useBackupPreview(input: ChannelInput<'backups:preview'> | null, attempt = 0) {
  return useQuery({
    // The passphrase is not part of the key, and nothing is cached after the dialog closes.
    queryKey: [...backupsKey, 'preview', input?.location, input?.name, input !== null, attempt],
    queryFn: () => call('backups:preview', input ?? { name: '' }),
    enabled: input !== null,
    retry: false,
    gcTime: 0,
  });
}

export function useRestoreBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'backups:restore'>) => call('backups:restore', input),
    // Everything the screens show comes from the restored file now.
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useSetBackupPassphrase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'backups:setPassphrase'>) => call('backups:setPassphrase', input),
    onSuccess: () => client.invalidateQueries({ queryKey: backupsKey }),
  });
}

export function useSetRetention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'backups:setRetention'>) => call('backups:setRetention', input),
    onSuccess: () => client.invalidateQueries({ queryKey: backupsKey }),
  });
}
