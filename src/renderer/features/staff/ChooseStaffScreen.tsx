import { Badge, Button, Stack, Text } from '@mantine/core';
import { staffRoleLabels } from '../../../shared/schemas/staff';
import { CenteredCard } from '../../components/CenteredCard';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useActorSession } from '../../session/actor';
import { DemoBanner } from '../demo/DemoBanner';
import { useStaffList } from './queries';

/** Who is at the keyboard: every change made from here on is recorded under this name. */
export function ChooseStaffScreen() {
  const { setActor } = useActorSession();
  const staff = useStaffList();
  return (
    <>
      <DemoBanner />
      <CenteredCard title="Who is using the app?" subtitle="Every change you make is recorded under your name.">
        {staff.isPending && <Loading />}
        <ErrorNotice error={staff.error} title="Could not load staff" />
        <Stack gap="xs" role="list" aria-label="Staff">
          {staff.data?.map((s, index) => (
            <Button
              key={s.id}
              role="listitem"
              variant="default"
              justify="space-between"
              size="md"
              autoFocus={index === 0}
              onClick={() => setActor(s)}
              rightSection={<Badge variant="light" color="gray">{staffRoleLabels[s.role]}</Badge>}
            >
              {s.name}
            </Button>
          ))}
        </Stack>
        <Text size="xs" c="dimmed">Not listed? Ask a psychiatrist or administrator to add you under Staff.</Text>
      </CenteredCard>
    </>
  );
}
