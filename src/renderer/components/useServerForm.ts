import { useState } from 'react';
import { AppError, errorMessage } from '../api/client';

/**
 * State for a small dialog form that validates on the server only: per-field messages from
 * the error's `fields`, and a message for the form when something else went wrong.
 */
export function useServerForm() {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setFieldErrors({});
    setFormError(null);
    try {
      await action();
      return true;
    } catch (error) {
      const fields = error instanceof AppError ? error.fields : {};
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(errorMessage(error));
      return false;
    }
  };
  return { fieldErrors, formError, run };
}
