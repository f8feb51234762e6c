import { Alert, Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { scaleDefinition } from '../../../shared/clinical';
import { formatDate } from '../../format';
import { useItem9Alerts } from './queries';

/**
 * Shown on every screen while any positive item 9 is unacknowledged: it cannot be missed, and it
 * names each patient (one link each) so the right record is one click away.
 */
export function Item9AlertBar() {
  const alerts = useItem9Alerts();
  const list = alerts.data ?? [];
  if (list.length === 0) return null;
  return (
    <Alert color="red" variant="filled" radius={0} py={6} mb="sm" data-testid="item9-alert-bar" role="alert">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={700} size="sm">
            {list.length} {list.every((a) => a.assessment.scale === 'phq9') ? 'PHQ-9 item-9' : 'suicide-item'} alert{list.length === 1 ? '' : 's'} (thoughts of death or self-harm) not yet acknowledged:
          </Text>
          <Group gap="md" mt={2}>
            {list.map((a) => (
              <Anchor key={a.assessment.id} component={Link} to={`/patients/${a.assessment.patientId}`} c="white" underline="always" size="sm">
                {a.patientName} ({a.mrn}), {scaleDefinition(a.assessment.scale).name} {formatDate(a.assessment.assessedOn)}
              </Anchor>
            ))}
          </Group>
        </div>
        <Anchor component={Link} to="/alerts" c="white" fw={700} underline="always" size="sm" style={{ whiteSpace: 'nowrap' }}>Review now</Anchor>
      </Group>
    </Alert>
  );
}
