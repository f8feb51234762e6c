import { Alert, Anchor, Badge, Button, Group, Kbd, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { type ReactNode, useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DURATION_CONVENTION, describeStimulation, formatDuration } from '../../../shared/clinical';
import { type CourseDetail, courseStatusLabels } from '../../../shared/schemas/course';
import { mtMethodLabels } from '../../../shared/schemas/motorThreshold';
import { targetLabels } from '../../../shared/schemas/stimulation';
import { AfterFirstPaint } from '../../components/AfterFirstPaint';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDate, formatDateTime, patientName } from '../../format';
import { CourseScalesPanel } from '../assessments/CourseScalesPanel';
import { ExportButtons } from './ExportButtons';
import { PacketExportButton } from '../report/PacketExportButton';
import { CourseOutcomePanel } from './CourseOutcomePanel';
import { preloadCourseCharts } from '../charts/LazyCharts';
import { useCan } from '../../session/auth';
import { PendingSessionsPanel } from '../sessions/PendingSessionsPanel';
import { AuditHistory } from '../audit/AuditHistory';
import { PatientBanner } from '../patients/PatientBanner';
import { AuthorizationDialog, ClearReviewDialog, EndCourseDialog, RecordMotorThresholdDialog } from './CourseDialogs';
import { useCourse } from './queries';
import { SessionTable } from './SessionTable';
import { WARNING_COLOR } from '../../app/theme';
import { localIsoDate } from '../../../shared/dates';
import { PlannedTimeDialog } from '../today/PlannedTimeDialog';
import { ThresholdRecheckNotice } from '../history/ThresholdRecheckNotice';
import { ReadinessPanel } from '../screening/ReadinessPanel';
import { HiddenHeader } from '../../components/HiddenHeader';

function Stat({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={700} size="lg" data-testid={testId}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Paper>
  );
}

const courseFieldLabels: Record<string, string> = {
  authorizedSessions: 'Authorized sessions', status: 'Status', reviewRequired: 'Review required', reviewReason: 'Review reason',
  statusReason: 'Reason', endedOn: 'Ended on',
};

function CourseBody({ detail }: { detail: CourseDetail }) {
  const navigate = useNavigate();
  const { course, progress, currentMt } = detail;
  const [mtOpen, mtDialog] = useDisclosure(false);
  const [authOpen, authDialog] = useDisclosure(false);
  const [endOpen, endDialog] = useDisclosure(false);
  const [reviewOpen, reviewDialog] = useDisclosure(false);
  const [timeOpen, timeDialog] = useDisclosure(false);
  const open = course.status === 'planned' || course.status === 'active';
  // An archived patient takes no new session, threshold, assessment or authorization (main refuses them too).
  const archived = detail.patient.archivedAt !== null;
  const can = useCan();
  const logSession = () => navigate(`/courses/${course.id}/sessions/new`);
  useHotkeys([['l', () => open && !archived && can('sessions:create') && logSession()]]);

  return (
    <Stack gap="md">
      <PatientBanner patient={detail.patient} />
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={1} size="h2">{course.protocolName}</Title>
            <Badge variant={course.status === 'active' ? 'filled' : 'outline'} color={course.status === 'discontinued' ? 'red' : 'teal'} data-testid="course-status">
              {courseStatusLabels[course.status]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {targetLabels[course.target]} · {course.coil} · prescribed by {course.prescriberName} · starts {formatDate(course.startDate)}
            {course.endedOn && ` · ended ${formatDate(course.endedOn)}${course.statusReason ? ` (${course.statusReason})` : ''}`}
          </Text>
          <Text size="sm">{describeStimulation(course)} — {course.dose.totalPulses} pulses, {formatDuration(course.dose.durationS)} per session</Text>
          <Text size="xs" c="dimmed">{DURATION_CONVENTION} Schedule: {course.schedule || '—'}</Text>
          <Group gap={4}>
            <Text size="sm" data-testid="course-planned-time">Planned daily at {course.plannedTime ?? '— (no time: last in the today list)'}</Text>
            {open && !archived && can('courses:setPlannedTime') && <Button size="compact-xs" variant="subtle" onClick={timeDialog.open} aria-label="Change the planned time">Change</Button>}
          </Group>
          {course.safetyOverrideReason && <Text size="xs" c={WARNING_COLOR}>Prescribed beyond a published safety limit: {course.safetyOverrideReason}</Text>}
        </div>
        <Group gap="xs">
          <ExportButtons courseId={course.id} />
          <PacketExportButton courseId={course.id} />
          {open && !archived && can('motorThresholds:record') && <Button variant="default" onClick={mtDialog.open}>Record MT</Button>}
          {!archived && can('courses:authorize') && <Button variant="default" onClick={authDialog.open}>Authorization</Button>}
          {open && can('courses:end') && <Button variant="default" onClick={endDialog.open}>End course…</Button>}
          {open && !archived && can('sessions:create') && <Button onClick={logSession} rightSection={<Kbd size="xs">L</Kbd>} disabled={!currentMt}>Log session</Button>}
        </Group>
      </Group>

      {archived && (
        <Alert color="gray" variant="light" data-testid="patient-archived">
          This patient is archived: no new sessions, motor thresholds, PHQ-9s or authorizations. Restore the record on the patient's page to continue.
        </Alert>
      )}
      {detail.flags.map((flag) => (
        <Alert key={flag.kind} color={flag.kind === 'review_required' || flag.kind === 'mt_undeliverable' ? 'red' : 'orange'} variant="light" title={flag.kind === 'review_required' ? 'Psychiatrist review required' : undefined} data-testid={`flag-${flag.kind}`}>
          <Group justify="space-between">
            <Text size="sm">{flag.message}</Text>
            {flag.kind === 'review_required' && can('courses:clearReview') && <Button size="compact-sm" onClick={reviewDialog.open}>Review…</Button>}
          </Group>
        </Alert>
      ))}
      <ThresholdRecheckNotice courseId={course.id} onRecord={open && !archived && can('motorThresholds:record') ? mtDialog.open : null} />
      {progress.sessionsDone === 0 && <ReadinessPanel courseId={course.id} patientId={course.patientId} editable={open && !archived} />}

      <CourseOutcomePanel detail={detail} archived={archived} />

      {/* Below the fold when the course opens: drawn just after the outcome chart is on screen. */}
      <AfterFirstPaint>
        <SimpleGrid cols={{ base: 4, lg: 7 }} spacing="sm">
          <Stat
            label="Sessions"
            testId="sessions-done"
            value={`${progress.sessionsDone} / ${course.plannedSessions}`}
            hint={<Progress value={(100 * progress.sessionsDone) / course.plannedSessions} size="sm" mt={4} aria-label="Course progress" />}
          />
          <Stat label="Cumulative pulses" testId="cumulative-pulses" value={progress.cumulativePulses.toLocaleString('en-US')} />
          <Stat label="Partial sessions" value={progress.partialSessions} />
          <Stat
            label="Missed weekdays"
            testId="missed-days"
            value={progress.missedDays.length}
            hint={progress.missedDays.length === 0 ? 'None in the daily phase' : progress.missedDays.slice(-3).map(formatDate).join(', ') + (progress.missedDays.length > 3 ? ' …' : '')}
          />
          <Stat label="Last session" value={progress.lastSessionDate ? formatDate(progress.lastSessionDate) : '—'} hint={progress.daysSinceLastSession === null ? 'None yet' : progress.daysSinceLastSession === 0 ? 'Today' : `${progress.daysSinceLastSession} day(s) ago`} />
          <Stat label="Authorized" value={`${course.authorizedSessions}`} hint={`${progress.authorizedRemaining} remaining`} />
          <Stat
            label="Motor threshold"
            testId="current-mt"
            value={currentMt ? `${currentMt.rmtPctMso}% MSO` : 'None'}
            hint={currentMt ? `${formatDate(currentMt.measuredOn)} · ${currentMt.method.toUpperCase()} · dose ${detail.prescribedPctMso ?? '—'}% MSO` : 'Record one before the first session'}
          />
        </SimpleGrid>

        <CourseScalesPanel detail={detail} />

        <PendingSessionsPanel courseId={course.id} />

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">Sessions</Title>
          {detail.sessions.length === 0 ? (
            <Text c="dimmed" size="sm">No sessions yet. {currentMt ? 'Log the first one with Log session (L).' : 'Record a motor threshold, then log the first session.'}</Text>
          ) : (
            <SessionTable sessions={detail.sessions} canCorrect={open} />
          )}
        </Paper>

        <SimpleGrid cols={2} spacing="md">
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">Motor thresholds</Title>
            <Table verticalSpacing={4} aria-label="Motor thresholds">
              <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>RMT</Table.Th><Table.Th>Method</Table.Th><Table.Th>By</Table.Th><HiddenHeader label="Change" /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {detail.motorThresholds.map((mt, index) => (
                  <Table.Tr key={mt.id}>
                    <Table.Td>{formatDate(mt.measuredOn)}</Table.Td>
                    <Table.Td fw={600}>{mt.rmtPctMso}% MSO</Table.Td>
                    <Table.Td>{mtMethodLabels[mt.method].split(' (')[0]}</Table.Td>
                    <Table.Td>{mt.measuredByName}</Table.Td>
                    <Table.Td>
                      {index === 0 && <Badge size="xs" variant="light">current</Badge>}
                      {index > 0 && detail.motorThresholds[index - 1] && (
                        <Text size="xs" c="dimmed">→ {detail.motorThresholds[index - 1]?.rmtPctMso}%</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {detail.motorThresholds.length === 0 && <Text size="sm" c="dimmed" data-testid="empty-state">None recorded. Record one with Record MT before the first session.</Text>}
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">Payer authorization</Title>
            <Table verticalSpacing={4} aria-label="Authorizations">
              <Table.Thead><Table.Tr><Table.Th>Recorded</Table.Th><Table.Th>Sessions</Table.Th><Table.Th>Reference</Table.Th><Table.Th>By</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {detail.authorizations.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{formatDateTime(a.recordedAt)}</Table.Td>
                    <Table.Td fw={600}>{a.authorizedSessions}</Table.Td>
                    <Table.Td>{a.reference || '—'}{a.note && <Text size="xs" c="dimmed">{a.note}</Text>}</Table.Td>
                    <Table.Td>{a.recordedByName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {detail.authorizations.length === 0 && <Text size="sm" c="dimmed" data-testid="empty-state">No payer authorization recorded. Record the payer's prior authorization with Authorization.</Text>}
          </Paper>
        </SimpleGrid>

        {progress.sessionsDone > 0 && <ReadinessPanel courseId={course.id} patientId={course.patientId} editable={false} />}
        <AuditHistory entity="course" entityId={course.id} labels={courseFieldLabels} />
        <Anchor component={Link} to={`/patients/${course.patientId}`} size="sm">Back to the patient</Anchor>
      </AfterFirstPaint>

      <RecordMotorThresholdDialog course={course} opened={mtOpen} onClose={mtDialog.close} />
      {timeOpen && (
        <PlannedTimeDialog
          target={{ courseId: course.id, courseVersion: course.version, patientName: patientName(detail.patient), plannedTime: course.plannedTime, coursePlannedTime: course.plannedTime, movedForTheDay: false }}
          date={localIsoDate(new Date())}
          scope="course"
          onClose={timeDialog.close}
        />
      )}
      <AuthorizationDialog course={course} delivered={progress.sessionsDone} opened={authOpen} onClose={authDialog.close} />
      <EndCourseDialog course={course} opened={endOpen} onClose={endDialog.close} />
      <ClearReviewDialog course={course} opened={reviewOpen} onClose={reviewDialog.close} />
    </Stack>
  );
}

export function CourseScreen() {
  const id = Number(useParams().courseId);
  const detail = useCourse(Number.isInteger(id) && id > 0 ? id : 0);
  // The chart's code loads while the course is read, not after.
  useEffect(preloadCourseCharts, []);
  if (detail.isPending) return <Loading />;
  if (!detail.data) return <ErrorNotice error={detail.error} title="Could not load the course" />;
  return <CourseBody detail={detail.data} />;
}
