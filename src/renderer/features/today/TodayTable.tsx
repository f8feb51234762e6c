import { Table, VisuallyHidden } from '@mantine/core';
import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import { type FocusEvent, type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import type { TodayItem } from '../../../shared/schemas/session';
import { useRenderTiming } from '../../perf/useRenderTiming';
import { TodayRow } from './TodayRow';

/** A first guess; each row's real height is measured once it is drawn. */
const ROW_HEIGHT = 72;
/**
 * Where the rows started on the page the last time the list was drawn (below the header, the
 * alerts and the filters): the first render draws the rows that fit below it, not a window's worth
 * from the page's top, and the layout effect corrects it before the frame is painted.
 */
let lastTop = 300;
/** Rows drawn beyond the window on either side: Tab into one scrolls it into view, and the next ones are drawn. */
const OVERSCAN = 4;

function indexOf(target: EventTarget | null): number | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('tr[data-index]') : null;
  return row ? Number(row.dataset['index']) : null;
}

/**
 * The day's courses as one table, however long the day: only the rows in the window (and a few
 * either side) are in the page, spacer rows keep the page's height true, the table tells a screen
 * reader how many rows it has (aria-rowcount, aria-rowindex) and the row holding focus stays drawn
 * while the page scrolls.
 */
export function TodayTable({ items, now, onChangeTime }: { items: readonly TodayItem[]; now: string; onChangeTime: (item: TodayItem) => void }) {
  const body = useRef<HTMLTableSectionElement>(null);
  // The benchmark's first paint: the mark `today-rendered` is the first frame with the day's rows.
  useRenderTiming('today', body, 'tr[data-index]');
  // Where the rows start on the page (below the header, the bars and the filters): the virtualizer counts from there.
  const [top, setTop] = useState(lastTop);
  // After every render (a bar above may have appeared, the filters wrapped): an unchanged value renders nothing.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    lastTop = element.getBoundingClientRect().top + window.scrollY;
    setTop(lastTop);
  });
  const focused = useRef<number | null>(null);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: top,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    getItemKey: (index) => items[index]?.courseId ?? index,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const keep = focused.current;
      return keep !== null && keep < range.count && !indexes.includes(keep) ? [...indexes, keep].sort((a, b) => a - b) : indexes;
    },
  });
  const rows: ReactNode[] = [];
  let cursor = top;
  for (const virtual of virtualizer.getVirtualItems()) {
    const item = items[virtual.index];
    if (!item) continue;
    if (virtual.start > cursor) rows.push(<tr key={`gap-${virtual.index}`} aria-hidden style={{ height: virtual.start - cursor }} />);
    rows.push(<TodayRow key={item.courseId} item={item} index={virtual.index} now={now} onChangeTime={onChangeTime} measure={virtualizer.measureElement} />);
    cursor = virtual.end;
  }
  const end = top + virtualizer.getTotalSize();
  if (end > cursor) rows.push(<tr key="gap-end" aria-hidden style={{ height: end - cursor }} />);
  const onFocus = (event: FocusEvent) => {
    focused.current = indexOf(event.target);
  };
  const onBlur = (event: FocusEvent) => {
    if (indexOf(event.relatedTarget) === null) focused.current = null;
  };
  return (
    <Table withTableBorder verticalSpacing={6} horizontalSpacing={8} aria-label="Today's courses" aria-rowcount={items.length + 1} highlightOnHover>
      <Table.Thead>
        <Table.Tr aria-rowindex={1}>
          <Table.Th>Time</Table.Th>
          <Table.Th>Patient</Table.Th>
          <Table.Th>Protocol</Table.Th>
          <Table.Th>Next</Table.Th>
          <Table.Th>Last session</Table.Th>
          <Table.Th>Motor threshold</Table.Th>
          <Table.Th>Assessments</Table.Th>
          <Table.Th>Today</Table.Th>
          <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody ref={body} onFocus={onFocus} onBlur={onBlur}>{rows}</Table.Tbody>
    </Table>
  );
}
