import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RecoveryStatus } from '../../../shared/schemas/recovery';
import { call } from '../../api/client';
import { CenteredCard } from '../../components/CenteredCard';
import { ErrorNotice } from '../../components/ErrorNotice';
import { failureWords } from './connectionWords';

type ServerStatus = Extract<RecoveryStatus, { state: 'server' }>;

/** While another workstation updates the server, this one tries again on its own this often. */
const WAIT_RETRY_MS = 10_000;

function whereOf(server: string) {
  const match = /^postgres:\/\/([^@]*)@(.*):(\d+)\/(.*)$/.exec(server);
  return { user: match?.[1] ?? '', host: match?.[2] ?? server, port: Number(match?.[3] ?? 0), database: match?.[4] ?? '' };
}

/**
 * At start, when this workstation's clinic server cannot be used: what failed, "Try again", and
 * "Use this computer's clinic instead". While another workstation is updating the server it says
 * so and tries again by itself.
 */
export function ServerProblemScreen({ status }: { status: ServerStatus }) {
  const after = (result: { restarting: boolean }) => {
    if (!result.restarting) window.location.reload();
  };
  const retry = useMutation({ mutationFn: () => call('recovery:retryServer', {}), onSuccess: after });
  const useLocal = useMutation({ mutationFn: () => call('recovery:useThisComputer', {}), onSuccess: after });
  const waiting = status.problem.reason === 'migrating';
  const { mutate: retryNow } = retry;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => retryNow(), WAIT_RETRY_MS);
    return () => clearTimeout(timer);
  }, [waiting, retryNow]);
  const words = failureWords(status.problem.reason, whereOf(status.server));
  const busy = retry.isPending || useLocal.isPending || Boolean(retry.data?.restarting) || Boolean(useLocal.data?.restarting);
  return (
    <CenteredCard title={waiting ? 'Please wait: the clinic database is being updated' : 'The clinic server cannot be used'}>
      <Stack gap="sm">
        <Text size="sm">This workstation keeps its clinic on <Code>{status.server}</Code>.</Text>
        <Text size="sm" role={waiting ? 'status' : 'alert'}>{words.message}</Text>
        {waiting && <Text size="sm" c="dimmed">This screen tries again every {WAIT_RETRY_MS / 1000} seconds.</Text>}
        {status.problem.detail && <Text size="xs" c="dimmed">Detail for IT: {status.problem.detail}</Text>}
        <ErrorNotice error={retry.error ?? useLocal.error} />
        <Group>
          <Button loading={retry.isPending} disabled={busy} onClick={() => retry.mutate()}>Try again</Button>
          {status.localClinic && (
            <Button variant="default" loading={useLocal.isPending} disabled={busy} onClick={() => useLocal.mutate()}>
              Use this computer's clinic instead
            </Button>
          )}
        </Group>
        {status.localClinic && (
          <Text size="xs" c="dimmed">
            This computer's own clinic ({status.localClinic.patients} {status.localClinic.patients === 1 ? 'patient' : 'patients'}, {status.localClinic.file}) is separate from the server's: what is entered there is not on the server.
          </Text>
        )}
      </Stack>
    </CenteredCard>
  );
}
