import { useEffect, useRef } from 'react';
import { call } from '../api/client';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often, at most, activity without calls is reported to main (which signs out idle windows itself). */
const HEARTBEAT_MS = 60_000;

/**
 * Locks the window after `minutes` without keyboard or pointer input (automatic logoff), and
 * tells main now and then that someone is at the keyboard, so a long note typed without a save
 * does not count as idle there.
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });
  useEffect(() => {
    if (minutes === null) return;
    let timer = 0;
    let lastBeat = Date.now();
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onIdleRef.current(), minutes * 60_000);
    };
    const onActivity = () => {
      arm();
      if (Date.now() - lastBeat > HEARTBEAT_MS) {
        lastBeat = Date.now();
        void call('auth:session', {}).catch(() => undefined);
      }
    };
    arm();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes]);
}
