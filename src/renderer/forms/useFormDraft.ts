import { useCallback, useEffect, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { DRAFT_DELAY_MS, readDraft, removeDraft, type StoredDraft, writeDraft } from './draftStorage';

/**
 * Keeps what has been typed into a long form in local storage until it is saved, so a crash,
 * a closed window or a power cut does not lose it: the next time the same form opens, it offers
 * the draft back. `key` names one form for one record (e.g. the next session of a course).
 */
export function useFormDraft<T extends FieldValues>(form: UseFormReturn<T>, key: string) {
  const [offered, setOffered] = useState<StoredDraft<T> | null>(() => readDraft<T>(key));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = form.watch((values) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (form.formState.isDirty) writeDraft(key, values);
      }, DRAFT_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [form, key]);

  const discard = useCallback(() => {
    removeDraft(key);
    setOffered(null);
  }, [key]);

  const restore = useCallback(() => {
    if (offered) form.reset(offered.values, { keepDefaultValues: true });
    setOffered(null);
  }, [form, offered]);

  return { offered, restore, discard, clear: discard };
}
