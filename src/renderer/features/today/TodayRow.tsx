import { Badge, Button, Table } from '@mantine/core';
import { memo } from 'react';
import { useNavigate } from 'react-router';
import { scaleDefinition, scaleDueKindLabels } from '../../../shared/clinical';
import type { TodayItem } from '../../../shared/schemas/session';
import { doneForTheDay, overdueMinutes } from '../../../shared/todayList';
import { formatDate } from '../../format';
import { WARNING_COLOR } from '../../app/theme';
import { TABLE_CELL_CLASS } from '../../components/tableCell';
import text from '../../components/cellText.module.css';
import classes from './TodayRow.module.css';

function MtCell({ item }: { item: TodayItem }) {
  if (!item.mt) return <Badge color="red" variant="light">No MT</Badge>;
  return (
    <>
      <div className={classes.wrapping}>
        <span className={`${text.sm} ${text.nowrap}`}>{item.mt.rmtPctMso}% MSO</span>
        <span className={`${text.xs} ${text.dimmed} ${text.nowrap}`}>{item.mt.ageDays === 0 ? 'today' : `${item.mt.ageDays} d ago`}</span>
      </div>
      {(item.mt.stale || item.mt.visual) && (
        <div className={`${classes.wrapping} ${classes.flags}`}>
          {item.mt.stale && <Badge size="xs" color={WARNING_COLOR} variant="outline" title="Last determined more than 7 days ago">Re-measure</Badge>}
          {item.mt.visual && <Badge size="xs" color={WARNING_COLOR} variant="outline">Visual</Badge>}
        </div>
      )}
    </>
  );
}

function AssessmentsDueCell({ item }: { item: TodayItem }) {
  const navigate = useNavigate();
  if (item.assessmentsDue.length === 0) return <p className={`${text.xs} ${text.dimmed}`}>Up to date</p>;
  return (
    <div className={classes.column}>
      {item.assessmentsDue.map((due) => {
        const name = scaleDefinition(due.scale).name;
        return (
          // A button, not a badge: it is an action (open the scale's form), reachable by keyboard, and never truncated.
          <Button
            key={due.scale}
            size="compact-xs"
            color={WARNING_COLOR}
            variant={due.status === 'overdue' ? 'filled' : 'outline'}
            title={due.lastOn ? `Last ${name}: ${formatDate(due.lastOn)}` : `No ${name} yet`}
            onClick={() => navigate(`/patients/${item.patientId}/assessments/${due.scale}/new`, { state: { returnTo: '/today' } })}
          >
            {name} {scaleDueKindLabels[due.what]} {due.status}
          </Button>
        );
      })}
    </div>
  );
}

function TimeCell({ item, now, onChange }: { item: TodayItem; now: string; onChange: (item: TodayItem) => void }) {
  const late = overdueMinutes(item, now);
  return (
    <div className={classes.column}>
      <div className={classes.row}>
        <span className={`${text.sm} ${text.strong} ${text.mono}`}>{item.plannedTime ?? '—'}</span>
        <Button size="compact-xs" variant="subtle" onClick={() => onChange(item)} aria-label={`Change the planned time of ${item.patientName}`}>Change</Button>
      </div>
      {item.movedForTheDay && <Badge size="xs" variant="outline" color="blue">Today only (usually {item.coursePlannedTime ?? 'no time'})</Badge>}
      {late !== null && <Badge size="xs" color="red" variant="filled" data-testid="overdue">Overdue {late} min</Badge>}
    </div>
  );
}

export interface TodayRowProps {
  item: TodayItem;
  /** The row's place in the list (0 first): the virtualizer measures the row by it; a screen reader hears it as row index + 2 (the header is row 1). */
  index: number;
  now: string;
  onChangeTime: (item: TodayItem) => void;
  measure: (element: HTMLTableRowElement | null) => void;
}

/** One course of the day: when, who, where they stand, and the actions. Re-rendered only when its own course changes. */
export const TodayRow = memo(function TodayRow({ item, index, now, onChangeTime, measure }: TodayRowProps) {
  const navigate = useNavigate();
  const done = doneForTheDay(item);
  return (
    <Table.Tr data-testid={`today-${item.mrn}`} data-index={index} aria-rowindex={index + 2} ref={measure}>
      <td className={TABLE_CELL_CLASS}><TimeCell item={item} now={now} onChange={onChangeTime} /></td>
      <td className={TABLE_CELL_CLASS}>
        <p className={`${text.sm} ${text.strong} ${text.nowrap}`}>{item.patientName}</p>
        <p className={`${text.xs} ${text.dimmed} ${text.mono}`}>{item.mrn}</p>
        {item.reviewRequired && <Badge size="xs" color="red">Review required</Badge>}
        {item.item9Open && <Badge size="xs" color="red" variant="filled" ml={4}>Item 9 alert</Badge>}
      </td>
      <td className={TABLE_CELL_CLASS}><p className={`${text.sm} ${classes.protocol}`}>{item.protocolName}</p></td>
      <td className={TABLE_CELL_CLASS}>
        <p className={text.sm}><span className={text.nowrap}>Session {item.nextSessionNumber}</span> <span className={text.nowrap}>of {item.plannedSessions}</span></p>
        {item.nextSessionNumber > item.authorizedSessions && <Badge size="xs" color={WARNING_COLOR} variant="outline">Beyond authorization</Badge>}
      </td>
      <td className={TABLE_CELL_CLASS}>
        <p className={`${text.sm} ${text.nowrap}`}>{item.lastSessionDate ? formatDate(item.lastSessionDate) : 'First session'}</p>
        {item.daysSinceLastSession !== null && (
          <p className={item.daysSinceLastSession > 3 ? text.xs : `${text.xs} ${text.dimmed}`} style={item.daysSinceLastSession > 3 ? { color: WARNING_COLOR } : undefined}>
            {item.daysSinceLastSession} day(s) ago{item.lastTechnicianName ? ` · ${item.lastTechnicianName}` : ''}
          </p>
        )}
      </td>
      <td className={TABLE_CELL_CLASS}><MtCell item={item} /></td>
      <td className={TABLE_CELL_CLASS}><AssessmentsDueCell item={item} /></td>
      <td className={TABLE_CELL_CLASS}>
        {done ? <Badge color="teal" variant="light" miw="max-content">✓ Done</Badge> : <Badge color="gray" variant="outline" miw="max-content">To do{item.sessionsPerDay > 1 ? ` (${item.sessionsToday}/${item.sessionsPerDay})` : ''}</Badge>}
      </td>
      <td className={TABLE_CELL_CLASS}>
        <div className={classes.row}>
          <Button size="compact-sm" variant="default" onClick={() => navigate(`/courses/${item.courseId}`)}>Course</Button>
          {!done && item.mt && (
            <Button size="compact-sm" onClick={() => navigate(`/courses/${item.courseId}/sessions/new`, { state: { returnTo: '/today' } })} aria-label={`Log session for ${item.patientName}`}>
              Log session
            </Button>
          )}
        </div>
      </td>
    </Table.Tr>
  );
});
