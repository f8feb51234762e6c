import { Alert, Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useItem9Alerts } from './queries';

/** Shown on every screen while any positive item 9 is unacknowledged: it cannot be missed. */
export function Item9AlertBar() {
  const alerts = useItem9Alerts();
  const count = alerts.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <Alert color="red" variant="filled" radius={0} py={6} mb="sm" data-testid="item9-alert-bar" role="alert">
      <Group justify="space-between">
        <Text fw={700} size="sm">
          {count} PHQ-9 item-9 alert{count === 1 ? '' : 's'} (thoughts of death or self-harm) not yet acknowledged
        </Text>
        <Anchor component={Link} to="/alerts" c="white" fw={700} underline="always" size="sm">Review now</Anchor>
      </Group>
    </Alert>
  );
}
