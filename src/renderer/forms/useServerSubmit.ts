import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { applyServerError } from '../api/formErrors';
import { useErrorSummary } from './useErrorSummary';

/**
 * The submit of a react-hook-form form whose save goes to main: field errors (the form's own
 * checks or the server's) land next to their fields, anything else in `formError`; a failed save
 * scrolls to and focuses the first field in error and `summary` names each one (put `formRef` on
 * the form and `summary` at its top); `saved` stops the unsaved-changes guard from asking while
 * the screen navigates away after a successful save.
 */
export function useServerSubmit<T extends FieldValues, Out extends FieldValues = T>(
  form: UseFormReturn<T, unknown, Out>,
  formFields: readonly Path<T>[],
  save: (values: Out) => Promise<unknown>,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { formRef, failed, summary } = useErrorSummary();
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(true);
    try {
      await save(values);
    } catch (error) {
      setSaved(false);
      setFormError(applyServerError(error, form.setError, formFields));
      failed();
    }
  }, failed);
  return { submit, formError, formRef, summary, blockLeaving: form.formState.isDirty && !saved };
}
