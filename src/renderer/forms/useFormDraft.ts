import { useCallback, useEffect, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

interface StoredDraft<T> {
  savedAt: string;
  values: T;
}

const PREFIX = 'tms.draft.';
const SAVE_DELAY_MS = 400;

function readDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as StoredDraft<T>) : null;
  } catch {
    return null;
  }
}

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
        if (!form.formState.isDirty) return;
        try {
          localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), values }));
        } catch {
          // Storage full or unavailable: the form itself still works; only the safety net is lost.
        }
      }, SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [form, key]);

  const discard = useCallback(() => {
    localStorage.removeItem(PREFIX + key);
    setOffered(null);
  }, [key]);

  const restore = useCallback(() => {
    if (offered) form.reset(offered.values, { keepDefaultValues: true });
    setOffered(null);
  }, [form, offered]);

  return { offered, restore, discard, clear: discard };
}
