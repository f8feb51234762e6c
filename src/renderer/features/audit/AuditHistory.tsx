import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { AuditEntity, AuditEntry } from '../../../shared/schemas/audit';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../format';

const hiddenKeys = new Set(['id', 'version', 'createdAt', 'updatedAt', 'dose']);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What changed between before and after, field by field. */
export function changedFields(entry: Pick<AuditEntry, 'before' | 'after'>): Array<{ field: string; from: string; to: string }> {
  if (!entry.before || !entry.after) return [];
  const keys = new Set([...Object.keys(entry.before), ...Object.keys(entry.after)]);
  return [...keys]
    .filter((k) => !hiddenKeys.has(k) && JSON.stringify(entry.before?.[k]) !== JSON.stringify(entry.after?.[k]))
    .map((k) => ({ field: k, from: show(entry.before?.[k]), to: show(entry.after?.[k]) }));
}

const actionLabels: Record<AuditEntry['action'], string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  revise: 'Revised',
  retire: 'Retired',
  correct: 'Corrected',
  authorize: 'Authorization',
  complete: 'Completed',
  discontinue: 'Discontinued',
  clear: 'Cleared',
  start: 'Started',
  review: 'Reviewed',
  schedule: 'Planned time',
  flag: 'Flagged',
  acknowledge: 'Acknowledged',
  export: 'Exported',
  enter_in_error: 'Entered in error',
  sign_in: 'Signed in',
  sign_in_failed: 'Sign-in failed',
  lock_out: 'Locked out',
  sign_out: 'Signed out',
  password_reset: 'Password reset',
  password_change: 'Password changed',
  cosign: 'Co-signed',
  view: 'Viewed',
  restore_backup: 'Restored from backup',
  move_to_server: 'Moved to the clinic server',
  backup: 'Backed up',
  set_passphrase: 'Backup passphrase set',
  import: 'Imported',
  undo_import: 'Import undone',
  remove: 'Removed (import undone)',
};

/** Actions whose before/after differences are worth listing field by field. */
const diffActions = new Set<AuditEntry['action']>(['update', 'correct', 'authorize', 'revise']);

/** The record's history from the audit log: who did what, when, and what it was before. */
export function AuditHistory({ entity, entityId, labels }: { entity: AuditEntity; entityId: number; labels: Record<string, string> }) {
  const history = useQuery({ queryKey: queryKeys.audit(entity, entityId), queryFn: () => call('audit:list', { entity, entityId }) });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">History</Title>
      <ErrorNotice error={history.error} title="Could not load the history" />
      <Table verticalSpacing={4} aria-label="History">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>When</Table.Th>
            <Table.Th w={180}>Who</Table.Th>
            <Table.Th w={110}>What</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data?.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatDateTime(entry.at)}</Table.Td>
              <Table.Td>{entry.staffName}</Table.Td>
              <Table.Td><Badge variant="light" color="gray">{actionLabels[entry.action]}</Badge></Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {entry.reason && <Text size="sm">Reason: {entry.reason}</Text>}
                  {diffActions.has(entry.action) &&
                    changedFields(entry).map((c) => (
                      <Text size="sm" key={c.field}>
                        <Text span fw={600}>{labels[c.field] ?? c.field}:</Text> {c.from} → {c.to}
                      </Text>
                    ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
