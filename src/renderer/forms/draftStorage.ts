/** Unsaved form drafts in the window's local storage, one per form and record. */
export interface StoredDraft<T> {
  savedAt: string;
  values: T;
}

const PREFIX = 'tms.draft.';

export function readDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as StoredDraft<T>) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, values: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), values }));
  } catch {
    // Storage full or unavailable: the form itself still works; only the safety net is lost.
  }
}

export function removeDraft(key: string): void {
  localStorage.removeItem(PREFIX + key);
}

/** How long typing pauses before the draft is written. */
export const DRAFT_DELAY_MS = 400;
