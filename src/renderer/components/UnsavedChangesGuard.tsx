import { Button, Group, Modal, Text } from '@mantine/core';
import { useBlocker } from 'react-router';

/** Asks before leaving a form with unsaved changes, so nothing typed is lost by a stray click. */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Leave without saving?" centered>
      <Text size="sm">You have changes that are not saved. If you leave now they are lost.</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>Keep editing</Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>Discard changes</Button>
      </Group>
    </Modal>
  );
}
