import { Alert, Anchor, AppShell, Badge, Button, Group, Text } from '@mantine/core';
import { useRef } from 'react';
import { Link as RouterLink, NavLink as RouterNavLink, Outlet } from 'react-router';
import type { Channel } from '../../shared/ipc/channels';
import { staffRoleLabels } from '../../shared/schemas/staff';
import { useActor, useAuth, useCan } from '../session/auth';
import { useAuditChain } from '../features/auditlog/AuditChainPanel';
import { DemoBanner } from '../features/demo/DemoBanner';
import { Item9AlertBar } from '../features/phq9/Item9AlertBar';
import { PendingCosignBar } from '../features/sessions/PendingCosignBar';
import classes from './AppLayout.module.css';
import { useAppCommands } from './useAppCommands';
import { useSharedListRefresh } from './useSharedListRefresh';
import { useKeyboardSubmit } from './useKeyboardSubmit';
import { useRouteFocus } from './useRouteFocus';

const sections: Array<{ to: string; label: string; channel?: Channel }> = [
  { to: '/today', label: 'Today' },
  { to: '/patients', label: 'Patients' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/protocols', label: 'Protocols' },
  { to: '/staff', label: 'Staff' },
  { to: '/import', label: 'Import', channel: 'import:check' },
  { to: '/backups', label: 'Backups', channel: 'backups:list' },
  { to: '/audit', label: 'Audit', channel: 'audit:verifyChain' },
];

/** Administrators see a broken audit chain on every screen until it is dealt with. */
function AuditChainAlert() {
  const chain = useAuditChain(true);
  const status = chain.data?.status;
  if (!status || status.ok) return null;
  return (
    <Alert color="red" variant="filled" mb="sm" role="alert" data-testid="audit-chain-alert">
      The audit log was altered outside the app (chain broken at entry {status.firstBrokenId}). <Anchor component={RouterLink} to="/audit" c="white" fw={700}>See Audit</Anchor>
    </Alert>
  );
}

export function AppLayout() {
  const actor = useActor();
  const { lock, signOut, locked } = useAuth();
  const can = useCan();
  const command = useAppCommands();
  // Locked: main has no one signed in, so nothing is asked until the person is back.
  useSharedListRefresh(!locked);
  // The screen itself (below the bars every screen shares): where focus goes when it opens.
  const screen = useRef<HTMLDivElement>(null);
  useRouteFocus(screen);
  useKeyboardSubmit(screen);
  return (
    <AppShell header={{ height: 52 }} padding="md">
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700} c="teal.9" style={{ whiteSpace: 'nowrap' }}>TMS Course Tracker</Text>
            <nav aria-label="Sections">
              <Group gap={4}>
                {sections.filter((s) => !s.channel || can(s.channel)).map((s) => (
                  <RouterNavLink key={s.to} to={s.to} className={classes.navLink}>
                    {s.label}
                  </RouterNavLink>
                ))}
              </Group>
            </nav>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} data-testid="acting-staff" style={{ whiteSpace: 'nowrap' }} title="Signed in">{actor.name}</Text>
            <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>{staffRoleLabels[actor.role]}</Badge>
            <Button size="compact-sm" variant="subtle" onClick={() => void lock()}>Lock</Button>
            <Button size="compact-sm" variant="subtle" onClick={() => void signOut()}>Sign out</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main className={classes.main}>
        <DemoBanner />
        {can('audit:verifyChain') && <AuditChainAlert />}
        {command.notice && (
          <Alert color="blue" variant="light" mb="sm" withCloseButton closeButtonLabel="Dismiss" onClose={command.dismiss} role="status">
            {command.notice}
          </Alert>
        )}
        <Item9AlertBar />
        {can('sessions:signPending') && <PendingCosignBar />}
        <div ref={screen}>
          <Outlet />
        </div>
        <Text component="footer" size="xs" c="dimmed" mt="xl" ta="center">
          TMS Course Tracker · <Anchor component={RouterLink} to="/about" size="xs">About, database and log files</Anchor>
        </Text>
      </AppShell.Main>
    </AppShell>
  );
}
