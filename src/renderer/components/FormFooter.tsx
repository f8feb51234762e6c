import { Button, Group } from '@mantine/core';
import { ErrorNotice } from './ErrorNotice';

/** The end of every form: why it was not saved (if it was not), Cancel and the submit button. */
export function FormFooter({ formError, submitLabel, loading, onCancel }: { formError: string | null; submitLabel: string; loading: boolean; onCancel(): void }) {
  return (
    <>
      <ErrorNotice error={formError} title="Not saved" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>Cancel</Button>
        <Button type="submit" loading={loading}>{submitLabel}</Button>
      </Group>
    </>
  );
}
