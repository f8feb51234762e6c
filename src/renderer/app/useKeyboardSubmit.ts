import { useEffect } from 'react';

/** The form Ctrl+Enter saves: the one holding focus, else the only form of the open dialog or of the screen. */
function formToSubmit(main: HTMLElement | null): HTMLFormElement | null {
  const active = document.activeElement;
  const own = active instanceof HTMLElement ? active.closest('form') : null;
  if (own) return own;
  const dialogs = document.querySelectorAll<HTMLElement>('[role="dialog"]');
  const scope = dialogs.length > 0 ? dialogs[dialogs.length - 1] : main;
  const forms = scope ? scope.querySelectorAll('form') : [];
  return forms.length === 1 ? (forms[0] ?? null) : null;
}

/**
 * Ctrl+Enter (⌘+Enter on a Mac) saves the form being filled in, on every screen and in every
 * dialog — also from a multi-line field, where Enter starts a new line, and from the screen's
 * heading right after the screen opened. A form that handles the keys itself (it calls
 * preventDefault) is left to do so.
 */
export function useKeyboardSubmit(main: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const form = formToSubmit(main.current);
      if (!form) return;
      e.preventDefault();
      form.requestSubmit();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [main]);
}
