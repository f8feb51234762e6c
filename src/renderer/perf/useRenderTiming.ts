import { type RefObject, useEffect, useState } from 'react';

/**
 * Measures how long a screen or chart takes to appear: from the component's first render to
 * the first animation frame in which `selector` (every one of them, if several) matches inside
 * `ref` (the chart's lines, the table's rows). Records the performance mark `<name>-rendered` and the measure `<name>`, which
 * the benchmark reads in Chromium. Once per mount.
 */
export function useRenderTiming(name: string, ref: RefObject<HTMLElement | null>, selector: string | readonly string[], ready = true): void {
  const selectors = typeof selector === 'string' ? selector : selector.join('\n');
  const [start] = useState(() => performance.now());
  useEffect(() => {
    if (!ready || performance.getEntriesByName(name, 'measure').some((m) => m.startTime === start)) return;
    let frame = requestAnimationFrame(function check() {
      const root = ref.current;
      if (root && selectors.split('\n').every((s) => root.querySelector(s))) {
        performance.mark(`${name}-rendered`);
        performance.measure(name, { start, end: performance.now() });
      } else {
        frame = requestAnimationFrame(check);
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [name, ref, selectors, ready, start]);
}
