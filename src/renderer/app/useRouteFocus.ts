import { type RefObject, useEffect } from 'react';
import { useLocation } from 'react-router';

/** How long a screen may take to show its heading (data loading) before focus is left alone. */
const WAIT_MS = 5_000;

/** The element a new screen wants focused: one marked `data-route-focus`, else its h1. */
function targetIn(main: HTMLElement): HTMLElement | null {
  return main.querySelector<HTMLElement>('[data-route-focus]') ?? main.querySelector<HTMLElement>('h1');
}

/** Focus a screen's autofocus (or a person) put on the new screen, or in a dialog; not focus left on a bar every screen shares. */
function focusIsPlaced(main: HTMLElement): boolean {
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) return false;
  return main.contains(active) || active.closest('[role="dialog"]') !== null;
}

/**
 * After every screen change, focus the new screen's first field (marked `data-route-focus`) or its
 * heading, so the keyboard starts on the screen (Ctrl+Enter saves without a Tab first, a screen
 * reader reads the new title). Waits for the screen's data (its heading appears), and leaves focus
 * where a field's own autofocus or a dialog put it.
 */
export function useRouteFocus(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return undefined;
    let frame = 0;
    const place = (): boolean => {
      const target = targetIn(main);
      if (!target) return false;
      if (!focusIsPlaced(main)) {
        if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
        target.focus();
      }
      return true;
    };
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      // After the screen has drawn (and any autofocus has run).
      frame = requestAnimationFrame(() => {
        if (place()) observer.disconnect();
      });
    });
    // The previous screen's heading may still stand for a moment: start from the next frame.
    frame = requestAnimationFrame(() => {
      if (!place()) observer.observe(main, { childList: true, subtree: true });
    });
    const timeout = window.setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timeout);
      observer.disconnect();
    };
  }, [pathname, mainRef]);
}
