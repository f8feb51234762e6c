import { Alert, Button, Group, Text } from '@mantine/core';
import { formatDateTime } from '../format';

/** Offers back what was typed into this form before the app closed without saving it. */
export function DraftNotice({ savedAt, onRestore, onDiscard }: { savedAt: string; onRestore(): void; onDiscard(): void }) {
  return (
    <Alert color="blue" variant="light" data-testid="draft-notice">
      <Group justify="space-between">
        <Text size="sm">This form was being filled in on {formatDateTime(savedAt)} and was not saved.</Text>
        <Group gap="xs">
          <Button size="compact-sm" onClick={onRestore}>Restore what was typed</Button>
          <Button size="compact-sm" variant="default" onClick={onDiscard}>Discard it</Button>
        </Group>
      </Group>
    </Alert>
  );
}
