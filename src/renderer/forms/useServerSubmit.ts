import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { applyServerError } from '../api/formErrors';

/**
 * The submit of a react-hook-form form whose save goes to main: field errors from the server
 * land next to their fields, anything else in `formError`; `saved` stops the unsaved-changes
 * guard from asking while the screen navigates away after a successful save.
 */
export function useServerSubmit<T extends FieldValues, Out extends FieldValues = T>(
  form: UseFormReturn<T, unknown, Out>,
  formFields: readonly Path<T>[],
  save: (values: Out) => Promise<unknown>,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(true);
    try {
      await save(values);
    } catch (error) {
      setSaved(false);
      setFormError(applyServerError(error, form.setError, formFields));
    }
  });
  return { submit, formError, blockLeaving: form.formState.isDirty && !saved };
}
