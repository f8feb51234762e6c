import { Alert, Stack, Text, Textarea } from '@mantine/core';
import { useEffect } from 'react';
import { type Control, useFormContext, useWatch } from 'react-hook-form';
import { checkSession, type SafetyFinding, type SessionCheck } from '../../../shared/clinical';
import { localIsoDate } from '../../../shared/dates';
import { type CourseDetail, sessionCourseOf } from '../../../shared/schemas/course';
import type { SessionFields } from '../../../shared/schemas/session';
import { currentDateFormat, formatDate } from '../../format';
import { useActor } from '../../session/auth';

function timeNow(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/**
 * The session judged live with the rule main applies when it is saved (`checkSession`): which
 * threshold doses it, what the prescription gives at that threshold, and every finding.
 */
export function useSessionCheck(control: Control<SessionFields>, detail: CourseDetail, sessionId: number | undefined): SessionCheck {
  const values = useWatch({ control }) as SessionFields;
  const now = new Date();
  return checkSession({
    course: sessionCourseOf(detail.course),
    session: values,
    thresholds: detail.motorThresholds,
    otherSessions: detail.sessions.filter((s) => s.id !== sessionId),
    today: localIsoDate(now),
    timeNow: timeNow(now),
    correcting: sessionId !== undefined,
    dateFormat: currentDateFormat(),
  });
}

function FindingList({ findings, color, title, testId }: { findings: SafetyFinding[]; color: string; title?: string; testId: string }) {
  if (findings.length === 0) return null;
  return (
    <Alert color={color} variant="light" py={6} title={title} data-testid={testId}>
      {findings.map((f) => <Text key={`${f.field}:${f.message}`} size="sm">{f.message}</Text>)}
    </Alert>
  );
}

/** Which threshold doses the session; the field follows the date, as main stores it. */
export function DosingThreshold({ check }: { check: SessionCheck }) {
  const { setValue, getValues } = useFormContext<SessionFields>();
  const pickedId = check.threshold?.id ?? 0;
  useEffect(() => {
    if (getValues('motorThresholdId') !== pickedId) setValue('motorThresholdId', pickedId, { shouldDirty: true });
  }, [pickedId, getValues, setValue]);
  const t = check.threshold;
  return (
    <Text size="sm" data-testid="dosing-threshold">
      {t
        ? `Dosed from the ${t.rmtPctMso}% MSO threshold of ${formatDate(t.measuredOn)} (${t.visual ? 'visual' : 'EMG'}, ${t.ageDays} day${t.ageDays === 1 ? '' : 's'} old on the session's day)`
        : 'No motor threshold measured on or before this date.'}
    </Text>
  );
}

/**
 * What the delivered dose means against the prescription and the course, live: refusals,
 * threshold flags, partial sessions, and the findings that need a psychiatrist's authorization.
 */
export function DeliveryFindings({ detail, check }: { detail: CourseDetail; check: SessionCheck }) {
  const { register, formState } = useFormContext<SessionFields>();
  const actor = useActor();
  const { course } = detail;
  const at = (level: SafetyFinding['level']) => check.findings.filter((f) => f.level === level);
  const overrides = at('override');
  const errors = formState.errors;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" data-testid="prescribed-mso">
        {check.threshold && check.expectedPctMso !== null
          ? `${course.intensityPctMt}% MT prescribed · the entered % MT gives ${check.expectedPctMso}% MSO at this threshold · ${course.trains} trains · ${course.dose.totalPulses} pulses`
          : 'The % MSO follows from the threshold that doses the session.'}
      </Text>
      <FindingList findings={at('refuse')} color="red" title="Cannot be saved like this" testId="session-refusals" />
      <FindingList findings={at('warn')} color="orange" testId="session-warnings" />
      <FindingList findings={at('info')} color="blue" testId="session-info" />
      {(overrides.length > 0 || errors.overrideReason) && (
        <Alert color="grape" variant="light" title="A psychiatrist's authorization is needed" data-testid="override-needed">
          {overrides.map((f) => <Text key={f.field} size="sm">{f.message}</Text>)}
          <Text size="sm" mt={4}>
            {actor.role === 'psychiatrist'
              ? `Saving records you, ${actor.name}, as the psychiatrist who authorized it.`
              : 'When you save, a psychiatrist co-signs here with their own password, or the session waits for their co-signature and is not counted until then.'}
          </Text>
          <Textarea label="Reason" mt="xs" autosize minRows={1} {...register('overrideReason')} error={errors.overrideReason?.message} />
        </Alert>
      )}
    </Stack>
  );
}
