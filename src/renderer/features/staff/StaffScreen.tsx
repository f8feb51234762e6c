import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { type Staff, type StaffFields, staffFields, staffManagerRoles, staffRoleLabels, staffRoles } from '../../../shared/schemas/staff';
import { errorMessage } from '../../api/client';
import { applyServerError } from '../../api/formErrors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useActor } from '../../session/actor';
import { ClinicSettingsForm } from './ClinicSettingsForm';
import { useCreateStaff, useStaffList, useUpdateStaff } from './queries';

const roleOptions = staffRoles.map((r) => ({ value: r, label: staffRoleLabels[r] }));

function AddStaffForm() {
  const actor = useActor();
  const create = useCreateStaff();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<StaffFields>({ resolver: zodResolver(staffFields), defaultValues: { name: '', role: 'technician' } });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await create.mutateAsync({ ...values, actorId: actor.id });
      form.reset();
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ['name', 'role']));
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Add staff member">
        <Title order={4} mb="sm">Add a staff member</Title>
        <Group align="flex-start">
          <TextInput label="Name" placeholder="Full name" {...form.register('name')} error={errors.name?.message} w={320} />
          <NativeSelect label="Role" data={roleOptions} {...form.register('role')} error={errors.role?.message} w={200} />
          <Button type="submit" mt={25} loading={create.isPending}>Add</Button>
        </Group>
        <ErrorNotice error={formError} title="Not added" />
      </form>
    </Paper>
  );
}

function StaffRow({ staff, canManage }: { staff: Staff; canManage: boolean }) {
  const actor = useActor();
  const update = useUpdateStaff();
  const [error, setError] = useState<string | null>(null);
  const save = (change: Partial<Pick<Staff, 'role' | 'active'>>) => {
    setError(null);
    update
      .mutateAsync({ actorId: actor.id, id: staff.id, name: staff.name, role: staff.role, active: staff.active, ...change })
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  return (
    <Table.Tr>
      <Table.Td fw={600}>{staff.name}{staff.id === actor.id && <Text span c="dimmed" size="sm"> (you)</Text>}</Table.Td>
      <Table.Td>
        {canManage ? (
          <NativeSelect
            aria-label={`Role of ${staff.name}`}
            size="xs"
            data={roleOptions}
            value={staff.role}
            onChange={(e) => save({ role: e.currentTarget.value as Staff['role'] })}
            w={200}
          />
        ) : (
          staffRoleLabels[staff.role]
        )}
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
        {error && <Text c="red" size="sm" role="alert">{error}</Text>}
      </Table.Td>
    </Table.Tr>
  );
}

export function StaffScreen() {
  const actor = useActor();
  const canManage = staffManagerRoles.includes(actor.role);
  const staff = useStaffList(true);
  return (
    <Stack gap="md" maw={880}>
      <Title order={2}>Staff</Title>
      <Text size="sm" c="dimmed">
        Everyone who logs sessions or reviews courses. Inactive staff keep their history but cannot act.
        {!canManage && ' Only psychiatrists and administrators can change this list.'}
      </Text>
      {canManage && <ClinicSettingsForm />}
      {canManage && <AddStaffForm />}
      {staff.isPending && <Loading />}
      <ErrorNotice error={staff.error} title="Could not load staff" />
      {staff.data && (
        <Table withTableBorder verticalSpacing={6} aria-label="Staff members">
          <Table.Thead>
            <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Role</Table.Th><Table.Th>Status</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {staff.data.map((s) => <StaffRow key={s.id} staff={s} canManage={canManage} />)}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
