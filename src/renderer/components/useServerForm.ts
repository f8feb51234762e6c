import { useState } from 'react';
import { AppError, errorMessage } from '../api/client';

/**
 * State for a small dialog form that validates on the server only: per-field messages from
 * the error's `fields`, and a message for the form when something else went wrong.
 */
export function useServerForm() {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState<Record<string, unknown>>({});
  const [formError, setFormError] = useState<string | null>(null);
  /** Runs the save; `values` are the fields as sent, so a message can go once its field is edited. */
  const run = async (action: () => Promise<unknown>, values: Record<string, unknown> = {}): Promise<boolean> => {
    setFieldErrors({});
    setFormError(null);
    setSubmitted(values);
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
  /** The field's message while it still holds the refused value; editing the field clears it. */
  const errorFor = (name: string, value: unknown): string | undefined =>
    !(name in submitted) || Object.is(submitted[name], value) ? fieldErrors[name] : undefined;
  return { fieldErrors, formError, run, errorFor };
}
