import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClinicServerInput } from '../../../shared/schemas/clinicDatabase';
import { call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';

const where = (s: ClinicServerInput) => `${s.database} on ${s.host}:${s.port}`;

/** The tested server is empty and this computer holds a clinic: offers to move it there, after a confirmation. */
export function MoveOffer({ server, patients }: { server: ClinicServerInput; patients: number }) {
  const [confirming, setConfirming] = useState(false);
  const move = useMutation({
    mutationFn: () => call('clinicDatabase:move', server),
    onSuccess: (result) => {
      if (!result.restarting) window.location.reload();
    },
  });
  return (
    <Alert color="blue" variant="light" title="Move this computer's clinic to the server?">
      <Text size="sm">The server is empty and this computer holds a clinic of {patients} {patients === 1 ? 'patient' : 'patients'}. The first workstation of a clinic moves it there; the others then connect to it.</Text>
      <Button mt="sm" onClick={() => setConfirming(true)}>Move the clinic to the server…</Button>
      {move.data && (
        <Text size="sm" mt="sm" role="status">
          Moved: {move.data.patients} patients and {move.data.auditEntries} audit entries in {move.data.tables.length} tables, every count and the audit chain checked. {move.data.restarting ? 'TMS Course Tracker is restarting on the server…' : ''}
        </Text>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Move the clinic to the server" size="lg">
        <Stack gap="sm">
          <Text size="sm">This copies the whole clinic on this computer to {where(server)}:</Text>
          <List size="sm" spacing={4}>
            <List.Item>every patient, course, session, assessment, staff account and setting, with the same record numbers;</List.Item>
            <List.Item>the audit log, its hash chain checked on the server after the copy;</List.Item>
            <List.Item>every table counted on both sides: any difference and nothing is kept on the server;</List.Item>
            <List.Item>an audit entry saying you moved the clinic there.</List.Item>
          </List>
          <Text size="sm">Then this workstation uses the server and restarts; sign in again. The file on this computer is left as it is (not deleted), but changes from now on are made on the server only.</Text>
          <ErrorNotice error={move.error} title="The clinic was not moved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>Cancel</Button>
            <Button loading={move.isPending} onClick={() => move.mutate()}>Move the clinic</Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}
