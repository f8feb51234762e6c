import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportInput } from '../../../shared/schemas/import';
import { call } from '../../api/client';

const importsKey = ['imports'] as const;

export function useImportList() {
  return useQuery({ queryKey: importsKey, queryFn: () => call('import:list', {}) });
}

export function useImportCheck() {
  return useMutation({ mutationFn: (input: ImportInput) => call('import:check', input) });
}

/** Creating or undoing an import changes patients, courses and PHQ-9s everywhere. */
function useInvalidateAfterImport() {
  const client = useQueryClient();
  return () => Promise.all([importsKey, ['patients'], ['clinical'], ['audit']].map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useImportCommit() {
  const invalidate = useInvalidateAfterImport();
  return useMutation({ mutationFn: (input: ImportInput) => call('import:commit', input), onSuccess: invalidate });
}

export function useImportUndo() {
  const invalidate = useInvalidateAfterImport();
  return useMutation({ mutationFn: (batchId: number) => call('import:undo', { batchId }), onSuccess: invalidate });
}
