/** Unsaved form drafts in the window's local storage, one per form and record. */
export interface StoredDraft<T> {
  savedAt: string;
  values: T;
}

const PREFIX = 'tms.draft.';

// Drafts belong to the person who typed them: a different person signing in at this window sees
// only their own, and the first person finds theirs again after signing back in.
let owner = 0;

/** Set by the sign-in layer whenever who is signed in changes. */
export function setDraftOwner(staffId: number): void {
  owner = staffId;
}

const storageKey = (key: string) => `${PREFIX}${owner}.${key}`;

export function readDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const text = localStorage.getItem(storageKey(key));
    return text ? (JSON.parse(text) as StoredDraft<T>) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, values: unknown): void {
  try {
    localStorage.setItem(storageKey(key), JSON.stringify({ savedAt: new Date().toISOString(), values }));
  } catch {
    // Storage full or unavailable: the form itself still works; only the safety net is lost.
  }
}

export function removeDraft(key: string): void {
  localStorage.removeItem(storageKey(key));
}

/** How long typing pauses before the draft is written. */
export const DRAFT_DELAY_MS = 400;
