import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useForm } from 'react-hook-form';
import { type Staff, type StaffFields, staffFields, type StaffFieldsInput, staffRoleLabels, staffRoles } from '../../../shared/schemas/staff';
import { errorMessage } from '../../api/client';
import { applyServerError } from '../../api/formErrors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../format';
import { useActor, useCan } from '../../session/auth';
import { ClinicSettingsForm } from './ClinicSettingsForm';
import { OneTimePasswordNotice } from './OneTimePasswordNotice';
import { useCreateStaff, useResetPassword, useStaffList, useUpdateStaff } from './queries';

const roleOptions = staffRoles.map((r) => ({ value: r, label: staffRoleLabels[r] }));

interface Issued {
  name: string;
  username: string | null;
  password: string;
}

function AddStaffForm({ onIssued }: { onIssued(issued: Issued): void }) {
  const create = useCreateStaff();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<StaffFieldsInput, unknown, StaffFields>({ resolver: zodResolver(staffFields), defaultValues: { name: '', username: '', role: 'technician', trainedRater: false } });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { staff, oneTimePassword } = await create.mutateAsync(values);
      onIssued({ name: staff.name, username: staff.username, password: oneTimePassword });
      form.reset();
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ['name', 'username', 'role']));
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Add staff member">
        <Title order={2} size="h4" mb="sm">Add a staff member</Title>
        <Group align="flex-start">
          <TextInput label="Name" placeholder="Full name" {...form.register('name')} error={errors.name?.message} w={260} />
          <TextInput label="Username" placeholder="sam.okafor" {...form.register('username')} error={errors.username?.message} w={180} />
          <NativeSelect label="Role" data={roleOptions} {...form.register('role')} error={errors.role?.message} w={180} />
          <Button type="submit" mt={25} loading={create.isPending}>Add</Button>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>They get a one-time password to sign in with, and choose their own at first sign-in.</Text>
        <ErrorNotice error={formError} title="Not added" />
      </form>
    </Paper>
  );
}

function StaffRow({ staff, canManage, onIssued }: { staff: Staff; canManage: boolean; onIssued(issued: Issued): void }) {
  const actor = useActor();
  const update = useUpdateStaff();
  const reset = useResetPassword();
  const [error, setError] = useState<string | null>(null);
  const [username, setUsername] = useState(staff.username ?? '');
  const save = (change: Partial<Pick<Staff, 'role' | 'active' | 'trainedRater'>> & { username?: string }) => {
    setError(null);
    update
      .mutateAsync({ id: staff.id, name: staff.name, username: staff.username ?? '', role: staff.role, active: staff.active, trainedRater: staff.trainedRater, ...change })
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  const resetPassword = () => {
    setError(null);
    reset
      .mutateAsync({ staffId: staff.id })
      .then((r) => onIssued({ name: r.staff.name, username: r.staff.username, password: r.oneTimePassword }))
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  return (
    <Table.Tr>
      <Table.Td fw={600}>{staff.name}{staff.id === actor.id && <Text span c="dimmed" size="sm"> (you)</Text>}</Table.Td>
      <Table.Td>
        {staff.username ?? (canManage ? (
          <Group gap={4} wrap="nowrap">
            <TextInput aria-label={`Username for ${staff.name}`} size="xs" w={140} value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
            <Button size="compact-xs" variant="light" onClick={() => save({ username })}>Set</Button>
          </Group>
        ) : <Text c="dimmed" size="sm">none yet</Text>)}
      </Table.Td>
      <Table.Td>
        {canManage ? (
          <NativeSelect
            aria-label={`Role of ${staff.name}`}
            size="xs"
            data={roleOptions}
            value={staff.role}
            onChange={(e) => save({ role: e.currentTarget.value as Staff['role'] })}
            w={170}
          />
        ) : (
          staffRoleLabels[staff.role]
        )}
        {staff.role === 'technician' && (canManage ? (
          <Checkbox
            mt={4}
            size="xs"
            label="Trained rater (MADRS, HAM-D, CGI)"
            checked={staff.trainedRater}
            onChange={(e) => save({ trainedRater: e.currentTarget.checked })}
          />
        ) : staff.trainedRater && <Text size="xs">Trained rater</Text>)}
      </Table.Td>
      <Table.Td>
        {canManage ? (
          <Checkbox
            aria-label={`${staff.name} is active`}
            label={staff.active ? 'Active' : 'Inactive'}
            checked={staff.active}
            onChange={(e) => save({ active: e.currentTarget.checked })}
          />
        ) : (
          <Badge variant="light" color={staff.active ? 'teal' : 'gray'}>{staff.active ? 'Active' : 'Inactive'}</Badge>
        )}
        {staff.lockedUntil && <Text size="xs" c="red.9">Locked until {formatDateTime(staff.lockedUntil)}</Text>}
        {!staff.canSignIn && <Text size="xs" c="dimmed">No password yet</Text>}
        {error && <Text c="red" size="sm" role="alert">{error}</Text>}
      </Table.Td>
      {canManage && (
        <Table.Td>
          <Button size="compact-xs" variant="default" onClick={resetPassword} disabled={!staff.username || !staff.active} aria-label={`Reset password of ${staff.name}`}>
            Reset password
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

export function StaffScreen() {
  const can = useCan();
  const canManage = can('staff:create');
  const canSettings = can('settings:update');
  const staff = useStaffList(true);
  const [issued, setIssued] = useState<Issued | null>(null);
  return (
    <Stack gap="md" maw={980}>
      <Title order={1} size="h2">Staff</Title>
      <Text size="sm" c="dimmed">
        Everyone who logs sessions or reviews courses signs in with their own username and password. Inactive staff keep their history but cannot sign in.
        {!canManage && ' Only staff managers can change this list.'}
      </Text>
      {canSettings && <ClinicSettingsForm />}
      {can('clinicDatabase:get') && (
        <Text size="sm">
          Where this workstation keeps the clinic (this computer or the clinic server): <Anchor component={RouterLink} to="/clinic-database">Clinic database</Anchor>
        </Text>
      )}
      {canManage && <AddStaffForm onIssued={setIssued} />}
      {issued && <OneTimePasswordNotice {...issued} onClose={() => setIssued(null)} />}
      {staff.isPending && <Loading />}
      <ErrorNotice error={staff.error} title="Could not load staff" />
      {staff.data && (
        <Table withTableBorder verticalSpacing={6} aria-label="Staff members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th><Table.Th>Username</Table.Th><Table.Th>Role</Table.Th><Table.Th>Status</Table.Th>
              {canManage && <Table.Th>Password</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {staff.data.map((s) => <StaffRow key={s.id} staff={s} canManage={canManage} onIssued={setIssued} />)}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
