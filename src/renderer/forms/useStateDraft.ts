import { useCallback, useEffect, useState } from 'react';
import { DRAFT_DELAY_MS, readDraft, removeDraft, type StoredDraft, writeDraft } from './draftStorage';

/** useFormDraft for a form kept in plain React state: `current` is what to keep, `apply` puts it back. */
export function useStateDraft<T>(key: string, current: T, dirty: boolean, apply: (values: T) => void) {
  const [offered, setOffered] = useState<StoredDraft<T> | null>(() => readDraft<T>(key));
  const serialized = JSON.stringify(current);

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => writeDraft(key, JSON.parse(serialized)), DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, serialized, dirty]);

  const discard = useCallback(() => {
    removeDraft(key);
    setOffered(null);
  }, [key]);

  const restore = useCallback(() => {
    if (offered) apply(offered.values);
    setOffered(null);
  }, [apply, offered]);

  return { offered, restore, discard, clear: discard };
}
