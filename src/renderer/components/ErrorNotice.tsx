import { Alert } from '@mantine/core';
import { errorMessage } from '../api/client';

/** A failed load or save, said in words, where the user is looking. */
export function ErrorNotice({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {typeof error === 'string' ? error : errorMessage(error)}
    </Alert>
  );
}
