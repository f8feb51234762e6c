import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Protocol } from '../../../shared/schemas/protocol';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { useActor } from '../../session/actor';
import { useProtocolMutation } from './queries';

/** Takes a protocol out of use for new courses; courses already on it keep their copy. */
export function RetireProtocolDialog({ protocol, onClose }: { protocol: Protocol | null; onClose(): void }) {
  const actor = useActor();
  const retire = useProtocolMutation('protocols:retire');
  const { formError, run, errorFor } = useServerForm();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  const submit = async () => {
    if (protocol && (await run(() => retire.mutateAsync({ actorId: actor.id, id: protocol.id, reason }), { reason }))) close();
  };
  return (
    <Modal opened={protocol !== null} onClose={close} title={`Retire ${protocol?.name ?? ''}`} centered>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            It can no longer be prescribed. Courses already on it keep the parameters they were prescribed with; the protocol stays in
            the library under “Show superseded and retired revisions”.
          </Text>
          <Textarea label="Reason" description="Recorded with your name in the audit log." data-autofocus autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errorFor('reason', reason)} />
          <ErrorNotice error={formError} title="Not retired" />
        </Stack>
        <DialogActions onClose={close} label="Retire protocol" loading={retire.isPending} color="red" />
      </form>
    </Modal>
  );
}
