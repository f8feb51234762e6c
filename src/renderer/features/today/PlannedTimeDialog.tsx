import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { formatDate } from '../../format';
import { useClinicalMutation } from '../courses/queries';

export interface PlannedTimeTarget {
  courseId: number;
  courseVersion: number;
  patientName: string;
  /** The time shown now for the day, and the course's own. */
  plannedTime: string | null;
  coursePlannedTime: string | null;
  movedForTheDay: boolean;
}

/**
 * When a course is treated: every day from now (the course's time), or on one day only. An empty
 * time removes the course's time, or puts the day back to the course's time.
 */
export function PlannedTimeDialog({ target, date, scope: initialScope = 'day', onClose }: { target: PlannedTimeTarget; date: string; scope?: 'day' | 'course'; onClose: () => void }) {
  const forDay = useClinicalMutation('today:setPlannedTime');
  const forCourse = useClinicalMutation('courses:setPlannedTime');
  const [time, setTime] = useState(target.plannedTime ?? '');
  const [scope, setScope] = useState<'day' | 'course'>(initialScope);
  const { formError, run, errorFor } = useServerForm();
  const plannedTime = time === '' ? null : time;
  const save = async () => {
    const saved = await run(
      () => (scope === 'day'
        ? forDay.mutateAsync({ courseId: target.courseId, date, plannedTime })
        : forCourse.mutateAsync({ courseId: target.courseId, version: target.courseVersion, plannedTime })),
      { plannedTime: time },
    );
    if (saved) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Planned time · ${target.patientName}`}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <Stack gap="sm">
          <TimeInput label="Planned time" data-autofocus value={time} onChange={(e) => setTime(e.currentTarget.value)} error={errorFor('plannedTime', time)} w={160} />
          <Radio.Group label="For" value={scope} onChange={(v) => setScope(v === 'course' ? 'course' : 'day')}>
            <Stack gap={6} mt={6}>
              <Radio value="day" label={`${formatDate(date)} only`} description={target.coursePlannedTime ? `Other days stay at ${target.coursePlannedTime}` : 'Other days stay without a planned time'} />
              <Radio value="course" label="Every day from now" description="The course's planned time" />
            </Stack>
          </Radio.Group>
          {scope === 'day' && target.movedForTheDay && plannedTime === null && (
            <Text size="sm" c="dimmed">Saving without a time puts this day back to the course's time{target.coursePlannedTime ? ` (${target.coursePlannedTime})` : ''}.</Text>
          )}
          <ErrorNotice error={formError} title="Not saved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={forDay.isPending || forCourse.isPending}>Save time</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
