import { Alert, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../format';

const chainKey = ['audit', 'chain'] as const;

export function useAuditChain(enabled: boolean) {
  return useQuery({ queryKey: chainKey, queryFn: () => call('audit:verifyChain', { recheck: false }), enabled, refetchInterval: (q) => (q.state.data?.running ? 2000 : false) });
}

/** The audit log's integrity for administrators: the last check (at start-up or on request) and a re-check. */
export function AuditChainPanel() {
  const client = useQueryClient();
  const chain = useAuditChain(true);
  const recheck = useMutation({ mutationFn: () => call('audit:verifyChain', { recheck: true }), onSuccess: (report) => client.setQueryData(chainKey, report) });
  const report = recheck.data ?? chain.data;
  const status = report?.status ?? null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3">Audit log integrity</Title>
        <Button variant="default" onClick={() => recheck.mutate()} loading={recheck.isPending || report?.running}>Check again</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Every entry carries the SHA-256 of its content and of the entry before it, so an entry edited, removed or inserted outside the app breaks the chain from that point.
      </Text>
      {status === null && <Text size="sm">{report?.running ? 'Checking…' : 'Not checked yet.'}</Text>}
      {status?.ok && (
        <Alert color="teal" variant="light" data-testid="audit-chain-ok">
          All {status.entries.toLocaleString('en-US')} entries verified{report?.checkedAt ? ` at ${formatDateTime(report.checkedAt)}` : ''}.
        </Alert>
      )}
      {status && !status.ok && (
        <Alert color="red" variant="light" title="The audit log has been altered outside the app" data-testid="audit-chain-broken">
          The chain breaks at entry {status.firstBrokenId} ({status.entries.toLocaleString('en-US')} entries checked{report?.checkedAt ? `, ${formatDateTime(report.checkedAt)}` : ''}).
          Entries from there on cannot be trusted. Keep this file as evidence and restore from a backup taken before the change.
        </Alert>
      )}
      <ErrorNotice error={chain.error ?? recheck.error} title="Could not check the audit log" />
    </Paper>
  );
}
