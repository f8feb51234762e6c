import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { formatDate } from '../../format';

/** For psychiatrists, on every screen: sessions a technician saved that wait for their co-signature. */
export function PendingCosignBar() {
  const pending = useQuery({ queryKey: queryKeys.pendingSessions(), queryFn: () => call('sessions:listPending', {}) });
  const items = pending.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert color="grape" variant="light" py={6} mb="sm" data-testid="pending-cosign-bar">
      <Group justify="space-between">
        <Text fw={700} size="sm">
          {items.length} session{items.length === 1 ? '' : 's'} above the prescription wait{items.length === 1 ? 's' : ''} for a psychiatrist&apos;s co-signature (not counted until signed)
        </Text>
        <Group gap="sm">
          {items.slice(0, 3).map((p) => (
            <Anchor key={p.id} component={Link} to={`/courses/${p.courseId}`} size="sm" fw={600}>
              {p.patientName}, {formatDate(p.sessionDate)}
            </Anchor>
          ))}
          {items.length > 3 && <Text size="sm">and {items.length - 3} more</Text>}
        </Group>
      </Group>
    </Alert>
  );
}
