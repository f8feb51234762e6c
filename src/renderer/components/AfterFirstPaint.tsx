import { type ReactNode, useEffect, useState } from 'react';

/**
 * Draws its children just after the screen's first frame is painted, not in the same task: for the
 * parts of a long screen that open below the fold, so what opens in view (a chart) reaches the
 * screen without waiting for them. The frame is painted before the timeout set in its animation
 * frame runs; the children then come in the next task, without a placeholder (nothing in view moves).
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return undefined;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setShown(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [shown]);
  return shown ? children : null;
}
