import { Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { localIsoDate } from '../../../shared/dates';
import type { TodayItem } from '../../../shared/schemas/session';
import { doneForTheDay, filterToday, noTodayFilter, overdueMinutes, type TodayFilter } from '../../../shared/todayList';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../format';
import { useToday } from '../courses/queries';
import { preloadRoutineScreens, routine } from '../../app/routineScreens';
import { TodayFilters } from './TodayFilters';
import { TodayTable } from './TodayTable';

// Opened from a row's "Change": its chunk (the modal, radios, time input) is not on the list's first paint; fetched with the routine screens.
const PlannedTimeDialog = lazy(() => routine.plannedTime().then((m) => ({ default: m.PlannedTimeDialog })));

function timeNow(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** The technician's day: whom to treat next, in planned order, with what they need to know before starting. */
export function TodayScreen() {
  const clock = new Date();
  const today = localIsoDate(clock);
  const now = timeNow(clock);
  const list = useToday(today);
  const [filter, setFilter] = useState<TodayFilter>(noTodayFilter);
  const [changing, setChanging] = useState<TodayItem | null>(null);
  const items = list.data ?? [];
  const shown = filterToday(items, filter, now);
  const toDo = items.filter((i) => !doneForTheDay(i)).length;
  const overdue = items.filter((i) => overdueMinutes(i, now) !== null).length;
  // Once the list is on screen, the screens it leads to are fetched while the technician reads it.
  useEffect(() => {
    if (list.isSuccess) preloadRoutineScreens();
  }, [list.isSuccess]);
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">Today</Title>
        <Text c="dimmed" size="sm" data-testid="today-summary">
          {formatDate(today)} · {toDo} of {items.length} course(s) still to treat today{overdue > 0 ? ` · ${overdue} overdue` : ''}
        </Text>
      </div>
      {list.isPending && <Loading />}
      <ErrorNotice error={list.error} title="Could not load today's list" />
      {list.isSuccess && items.length === 0 && (
        <Text c="dimmed" data-testid="empty-state">No active courses. Prescribe a course from a patient's page to see it here.</Text>
      )}
      {items.length > 0 && <TodayFilters items={items} filter={filter} onChange={setFilter} />}
      {items.length > 0 && shown.length === 0 && (
        <Text c="dimmed" data-testid="empty-state">No course today matches these filters. Clear a filter to see more.</Text>
      )}
      {shown.length > 0 && <TodayTable items={shown} now={now} onChangeTime={setChanging} />}
      {changing && (
        <Suspense>
          <PlannedTimeDialog target={changing} date={today} onClose={() => setChanging(null)} />
        </Suspense>
      )}
    </Stack>
  );
}
