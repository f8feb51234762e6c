import { Text } from '@mantine/core';
import type { Protocol } from '../../../shared/schemas/protocol';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useProtocolMutation } from './queries';

/** Takes a protocol out of use for new courses; courses already on it keep their copy. */
export function RetireProtocolDialog({ protocol, onClose }: { protocol: Protocol | null; onClose(): void }) {
  const retire = useProtocolMutation('protocols:retire');
  return (
    <ReasonDialog
      opened={protocol !== null}
      title={`Retire ${protocol?.name ?? ''}`}
      intro={
        <Text size="sm">
          It can no longer be prescribed. Courses already on it keep the parameters they were prescribed with; the protocol stays in the library
          under “Show superseded and retired revisions”.
        </Text>
      }
      label="Reason"
      submitLabel="Retire protocol"
      errorTitle="Not retired"
      save={(reason) => retire.mutateAsync({ id: protocol?.id ?? 0, reason })}
      saving={retire.isPending}
      onClose={onClose}
    />
  );
}
