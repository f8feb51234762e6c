import { Alert, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { useClinicSwitch } from './useClinicSwitch';

/** On every screen of the demo clinic, so generated patients are never taken for real ones. */
export function DemoBanner() {
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => call('app:info', {}) });
  const leave = useClinicSwitch('clinic');
  if (!info.data?.demo) return null;
  return (
    <Alert color="yellow" variant="filled" radius={0} py={6} mb="sm" data-testid="demo-banner">
      <Group justify="space-between">
        <Text fw={700} size="sm" c="dark.9">Demo clinic: generated patients, not real records.</Text>
        <Button size="compact-sm" variant="white" color="dark" onClick={() => leave.mutate()} loading={leave.isPending}>
          Back to my clinic
        </Button>
      </Group>
    </Alert>
  );
}
