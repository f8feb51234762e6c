import { AppShell, Badge, Button, Group, Text } from '@mantine/core';
import { NavLink as RouterNavLink, Outlet } from 'react-router';
import { staffRoleLabels } from '../../shared/schemas/staff';
import { useActor, useActorSession } from '../session/actor';
import { DemoBanner } from '../features/demo/DemoBanner';
import { Item9AlertBar } from '../features/phq9/Item9AlertBar';
import classes from './AppLayout.module.css';

const sections = [
  { to: '/today', label: 'Today' },
  { to: '/patients', label: 'Patients' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/protocols', label: 'Protocols' },
  { to: '/staff', label: 'Staff' },
  { to: '/backups', label: 'Backups', adminOnly: true },
];

export function AppLayout() {
  const actor = useActor();
  const { setActor } = useActorSession();
  return (
    <AppShell header={{ height: 52 }} padding="md">
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700} c="teal.9">TMS Course Tracker</Text>
            <nav aria-label="Sections">
              <Group gap={4}>
                {sections.filter((s) => !('adminOnly' in s) || actor.role === 'admin').map((s) => (
                  <RouterNavLink key={s.to} to={s.to} className={classes.navLink}>
                    {s.label}
                  </RouterNavLink>
                ))}
              </Group>
            </nav>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed">Acting as</Text>
            <Text size="sm" fw={600} data-testid="acting-staff">{actor.name}</Text>
            <Badge variant="light" color="gray">{staffRoleLabels[actor.role]}</Badge>
            <Button size="compact-sm" variant="subtle" onClick={() => setActor(null)}>Switch</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <DemoBanner />
        <Item9AlertBar />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
