import { Anchor, Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link } from 'react-router';
import { courseStatusLabels } from '../../../shared/schemas/course';
import type { DashboardRow } from '../../../shared/schemas/dashboard';
import { formatDate } from '../../format';
import { WARNING_COLOR } from '../../app/theme';

/** A first guess; each row's real height is measured once it is drawn. */
const ROW_HEIGHT = 60;

function yesNo(value: boolean | null) {
  if (value === null) return <Text size="xs" c="dimmed">—</Text>;
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

function CourseRow({ row, index, measure }: { row: DashboardRow; index: number; measure: (element: HTMLTableRowElement | null) => void }) {
  return (
    <Table.Tr data-testid={`dashboard-${row.mrn}`} data-index={index} ref={measure}>
      <Table.Td><Anchor component={Link} to={`/courses/${row.courseId}`} fw={600} size="sm">{row.patientName}</Anchor> <Text span size="xs" c="dimmed">{row.mrn}</Text></Table.Td>
      <Table.Td>{row.protocolName}<Text size="xs" c="dimmed">{row.prescriberName}</Text></Table.Td>
      <Table.Td>{courseStatusLabels[row.status]}</Table.Td>
      <Table.Td>{formatDate(row.startDate)}</Table.Td>
      <Table.Td ta="right">{row.sessionsDone}/{row.plannedSessions}</Table.Td>
      <Table.Td ta="right">{row.baseline ?? '—'}</Table.Td>
      <Table.Td ta="right">{row.endOfTreatment ?? '—'}</Table.Td>
      <Table.Td ta="right">{row.percentChange === null ? '—' : `${row.percentChange > 0 ? '+' : ''}${row.percentChange.toFixed(1)}%`}</Table.Td>
      {row.rated === false ? (
        <Table.Td colSpan={2}><Text size="xs" c="dimmed" data-testid="not-rated">Baseline below 10: not rated</Text></Table.Td>
      ) : (
        <>
          <Table.Td>{yesNo(row.response)}</Table.Td>
          <Table.Td>{yesNo(row.remission)}</Table.Td>
        </>
      )}
      <Table.Td><Flags row={row} /></Table.Td>
    </Table.Tr>
  );
}

/**
 * Every course matching the filters, however many: only the rows in view are in the DOM
 * (plus a few either side), with spacer rows keeping the scroll height true.
 */
export function DashboardTable({ rows }: { rows: DashboardRow[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <Paper withBorder>
      <div ref={scroller} style={{ maxHeight: 620, overflowY: 'auto' }} data-testid="dashboard-scroller">
        <Table verticalSpacing={4} striped highlightOnHover aria-label="Courses" aria-rowcount={rows.length + 1} fz="sm" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th><Table.Th>Protocol</Table.Th><Table.Th>Status</Table.Th><Table.Th>Start</Table.Th><Table.Th ta="right">Sessions</Table.Th>
              <Table.Th ta="right">Baseline</Table.Th><Table.Th ta="right">End of treatment</Table.Th><Table.Th ta="right">% change</Table.Th><Table.Th>Response</Table.Th><Table.Th>Remission</Table.Th><Table.Th>Flags</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {before > 0 && <tr aria-hidden style={{ height: before }} />}
            {items.map((item) => {
              const row = rows[item.index];
              return row ? <CourseRow key={row.courseId} row={row} index={item.index} measure={virtualizer.measureElement} /> : null;
            })}
            {after > 0 && <tr aria-hidden style={{ height: after }} />}
          </Table.Tbody>
        </Table>
      </div>
      <Text size="xs" c="dimmed" p="xs" data-testid="dashboard-count">{rows.length} course(s)</Text>
    </Paper>
  );
}
