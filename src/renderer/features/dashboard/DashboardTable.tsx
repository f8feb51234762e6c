import { Anchor, Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { scaleDefinition } from '../../../shared/clinical';
import { courseStatusLabels } from '../../../shared/schemas/course';
import type { DashboardFiltersInput, DashboardRow, DashboardScale } from '../../../shared/schemas/dashboard';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import text from '../../components/cellText.module.css';
import { TABLE_CELL_CLASS } from '../../components/tableCell';
import { useCoursePages } from './useCoursePages';
import { formatDate } from '../../format';
import { WARNING_COLOR } from '../../app/theme';

/** A first guess; each row's real height is measured once it is drawn. */
const ROW_HEIGHT = 60;
/** The scroller's height (its maxHeight): the first render already draws the rows that fill it. */
const SCROLLER_HEIGHT = 620;

function yesNo(value: boolean | null) {
  if (value === null) return <span className={`${text.xs} ${text.dimmed}`}>—</span>;
  return <Badge size="sm" variant={value ? 'filled' : 'outline'} color={value ? 'teal' : 'gray'}>{value ? 'Yes' : 'No'}</Badge>;
}

function Flags({ row }: { row: DashboardRow }) {
  return (
    <Group gap={4} wrap="nowrap">
      {row.item9Open > 0 && <Badge size="xs" color="red" variant="filled">Item 9 open</Badge>}
      {row.adverseEvents > 0 && <Badge size="xs" color="red" variant="outline">{row.adverseEvents} adverse event(s)</Badge>}
      {row.worsening && <Badge size="xs" color={WARNING_COLOR} variant="outline">Worse ≥ 5</Badge>}
    </Group>
  );
}

const COLUMNS = 11;
const RIGHT = { textAlign: 'right' } as const;

/**
 * One course. Memoized: the virtualizer draws the table again as rows are measured and scrolled,
 * and a row already on screen (same course, index and callback) is not drawn again.
 */
const CourseRow = memo(function CourseRow({ row, index, ratedFrom, measure }: { row: DashboardRow; index: number; ratedFrom: number; measure: (element: HTMLTableRowElement | null) => void }) {
  return (
    <Table.Tr data-testid={`dashboard-${row.mrn}`} data-index={index} ref={measure}>
      <td className={TABLE_CELL_CLASS}><Anchor component={Link} to={`/courses/${row.courseId}`} fw={600} size="sm">{row.patientName}</Anchor> <span className={`${text.xs} ${text.dimmed}`}>{row.mrn}</span></td>
      <td className={TABLE_CELL_CLASS}>{row.protocolName}<p className={`${text.xs} ${text.dimmed}`}>{row.prescriberName}</p></td>
      <td className={TABLE_CELL_CLASS}>{courseStatusLabels[row.status]}</td>
      <td className={TABLE_CELL_CLASS}>{formatDate(row.startDate)}</td>
      <td className={TABLE_CELL_CLASS} style={RIGHT}>{row.sessionsDone}/{row.plannedSessions}</td>
      <td className={TABLE_CELL_CLASS} style={RIGHT}>{row.baseline ?? '—'}</td>
      <td className={TABLE_CELL_CLASS} style={RIGHT}>{row.endOfTreatment ?? '—'}</td>
      <td className={TABLE_CELL_CLASS} style={RIGHT}>{row.percentChange === null ? '—' : `${row.percentChange > 0 ? '+' : ''}${row.percentChange.toFixed(1)}%`}</td>
      {row.rated === false ? (
        <td className={TABLE_CELL_CLASS} colSpan={2}><p className={`${text.xs} ${text.dimmed}`} data-testid="not-rated">Baseline below {ratedFrom}: not rated</p></td>
      ) : (
        <>
          <td className={TABLE_CELL_CLASS}>{yesNo(row.response)}</td>
          <td className={TABLE_CELL_CLASS}>{yesNo(row.remission)}</td>
        </>
      )}
      <td className={TABLE_CELL_CLASS}><Flags row={row} /></td>
    </Table.Tr>
  );
});

/**
 * Every course matching the filters on the chosen scale, however many: read a page at a time as
 * rows come into view, and only the rows in view are in the DOM (plus a few either side), with
 * spacer rows keeping the scroll height true.
 */
export const DashboardTable = memo(function DashboardTable({ filters, scale }: { filters: DashboardFiltersInput; scale: DashboardScale }) {
  const def = scaleDefinition(scale);
  const scroller = useRef<HTMLDivElement>(null);
  // The rows in view decide which pages are read; they are known after the virtualizer has drawn.
  const [inView, setInView] = useState<[number, number]>([0, 0]);
  const pages = useCoursePages(filters, inView);
  const count = pages.total ?? 0;
  // The app does not use the React Compiler; the virtualizer re-renders this component on scroll itself.
  // initialRect: the first render draws the rows the scroller shows, not only the overscan (the scroller's size is read after it mounts).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 4, initialRect: { width: 0, height: SCROLLER_HEIGHT } });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    setInView((v) => (v[0] === firstIndex && v[1] === lastIndex ? v : [firstIndex, lastIndex]));
  }, [firstIndex, lastIndex]);
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  if (pages.total === null) return pages.error ? <ErrorNotice error={pages.error} /> : <Loading />;
  return (
    <Paper withBorder>
      <ErrorNotice error={pages.error} />
      <div ref={scroller} style={{ maxHeight: SCROLLER_HEIGHT, overflowY: 'auto' }} data-testid="dashboard-scroller">
        <Table verticalSpacing={4} striped highlightOnHover aria-label="Courses" aria-rowcount={count + 1} fz="sm" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th><Table.Th>Protocol</Table.Th><Table.Th>Status</Table.Th><Table.Th>Start</Table.Th><Table.Th ta="right">Sessions</Table.Th>
              <Table.Th ta="right">Baseline {def.name}</Table.Th><Table.Th ta="right">End of treatment</Table.Th><Table.Th ta="right">% change</Table.Th><Table.Th>Response</Table.Th><Table.Th>Remission</Table.Th><Table.Th>Flags</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {before > 0 && <tr aria-hidden style={{ height: before }} />}
            {items.map((item) => {
              const row = pages.rowAt(item.index);
              return row ? (
                <CourseRow key={row.courseId} row={row} index={item.index} ratedFrom={def.outcome?.ratedMinBaseline ?? 0} measure={virtualizer.measureElement} />
              ) : (
                <Table.Tr key={`loading-${item.index}`} data-index={item.index} ref={virtualizer.measureElement} style={{ height: ROW_HEIGHT }}>
                  <Table.Td colSpan={COLUMNS}><Text size="xs" c="dimmed">Loading…</Text></Table.Td>
                </Table.Tr>
              );
            })}
            {after > 0 && <tr aria-hidden style={{ height: after }} />}
          </Table.Tbody>
        </Table>
      </div>
      <Text size="xs" c="dimmed" p="xs" data-testid="dashboard-count">{count} course(s)</Text>
    </Paper>
  );
});
