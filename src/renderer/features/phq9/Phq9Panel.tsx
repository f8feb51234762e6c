import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { phq9DifficultyLabels } from '../../../shared/clinical';
import type { Patient } from '../../../shared/schemas/patient';
import { assessmentPartLabels, type CourseAssessment, type Phq9Assessment } from '../../../shared/schemas/phq9';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate, formatDateTime, patientName } from '../../format';
import { useCan } from '../../session/auth';
import { AcknowledgeItem9Dialog } from './AcknowledgeItem9Dialog';
import { EnteredInErrorDialog } from './EnteredInErrorDialog';
import { SeverityBadge } from './SeverityBadge';
import { HiddenHeader } from '../../components/HiddenHeader';

export function Item9Cell({ assessment, onAcknowledge }: { assessment: Phq9Assessment; onAcknowledge(a: Phq9Assessment): void }) {
  const canAcknowledge = useCan()('phq9:acknowledge');
  if (!assessment.item9Positive) return <Text size="sm" c="dimmed">0</Text>;
  if (assessment.acknowledgement) {
    return (
      <Text size="xs">
        <Badge color="red" variant="outline" size="xs">Item 9: {assessment.answers[8]}</Badge> acknowledged by {assessment.acknowledgement.byName}, {formatDateTime(assessment.acknowledgement.at)}: {assessment.acknowledgement.actionTaken}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      <Badge color="red" variant="filled">Item 9: {assessment.answers[8]} — not acknowledged</Badge>
      {canAcknowledge ? <Button size="compact-xs" color="red" onClick={() => onAcknowledge(assessment)}>Acknowledge</Button> : <Text size="xs">A psychiatrist acknowledges it</Text>}
    </Group>
  );
}

function PartCell({ part }: { part: CourseAssessment['part'] }) {
  if (!part) return <Table.Td fz="sm" c="dimmed">Not linked yet</Table.Td>;
  return (
    <Table.Td fz="sm" data-testid="phq9-part">
      <Badge size="sm" miw="max-content" variant={part === 'baseline' || part === 'end_of_treatment' ? 'filled' : 'outline'} color={part === 'follow_up' ? 'blue' : 'dark'}>
        {assessmentPartLabels[part]}
      </Badge>
    </Table.Td>
  );
}

/**
 * Every PHQ-9 of a patient (or the ones measuring a course, with the part each measures:
 * baseline, during treatment, end of treatment, follow-up), newest first, with item-9 status.
 */
export function Phq9Table({ assessments, name }: { assessments: Array<Phq9Assessment | CourseAssessment>; name: string }) {
  const showParts = assessments.some((a) => 'part' in a);
  const [acknowledging, setAcknowledging] = useState<Phq9Assessment | null>(null);
  const [markingError, setMarkingError] = useState<Phq9Assessment | null>(null);
  const canMark = useCan()('phq9:markEnteredInError');
  return (
    <>
      <Table verticalSpacing={4} aria-label="PHQ-9 assessments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>{showParts && <Table.Th>Part</Table.Th>}<Table.Th>Total</Table.Th><Table.Th>Items 1–9</Table.Th><Table.Th>Item 9</Table.Th><Table.Th>Difficulty</Table.Th><Table.Th>Entered by</Table.Th>
            {canMark && <HiddenHeader />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...assessments].reverse().map((a) =>
            a.enteredInError ? (
              <Table.Tr key={a.id} data-testid={`phq9-row-${a.id}`}>
                <Table.Td td="line-through">{formatDate(a.assessedOn)}</Table.Td>
                {showParts && <Table.Td fz="sm">—</Table.Td>}
                <Table.Td td="line-through" fz="sm">{a.total}</Table.Td>
                <Table.Td ff="monospace" fz="sm" td="line-through">{a.answers.join(' ')}</Table.Td>
                <Table.Td colSpan={canMark ? 4 : 3} fz="sm">
                  <Badge color="gray" variant="outline" size="xs">Entered in error</Badge> {a.enteredInError.byName}, {formatDateTime(a.enteredInError.at)}: {a.enteredInError.reason}
                </Table.Td>
              </Table.Tr>
            ) : (
              <Table.Tr key={a.id} data-testid={`phq9-row-${a.id}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.assessedOn)}</Table.Td>
                {showParts && <PartCell part={'part' in a ? a.part : null} />}
                <Table.Td><SeverityBadge total={a.total} severity={a.severity} /></Table.Td>
                <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>{a.answers.join(' ')}</Table.Td>
                <Table.Td><Item9Cell assessment={a} onAcknowledge={setAcknowledging} /></Table.Td>
                <Table.Td fz="sm">{a.difficulty ? phq9DifficultyLabels[a.difficulty] : '—'}</Table.Td>
                <Table.Td fz="sm">{a.enteredByName}</Table.Td>
                {canMark && (
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="gray" miw="max-content" onClick={() => setMarkingError(a)} aria-label={`Mark the PHQ-9 of ${formatDate(a.assessedOn)} as entered in error`}>
                      Entered in error…
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
      <AcknowledgeItem9Dialog assessment={acknowledging} patientName={name} onClose={() => setAcknowledging(null)} />
      <EnteredInErrorDialog assessment={markingError} onClose={() => setMarkingError(null)} />
    </>
  );
}

export function Phq9Panel({ patient, assessments, error }: { patient: Patient; assessments: Phq9Assessment[] | undefined; error: unknown }) {
  const navigate = useNavigate();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">PHQ-9</Title>
        {!patient.archivedAt && <Button size="compact-md" variant="default" onClick={() => navigate(`/patients/${patient.id}/phq9/new`, { state: { returnTo: `/patients/${patient.id}` } })}>Enter PHQ-9</Button>}
      </Group>
      <ErrorNotice error={error} />
      {assessments?.length === 0 && <Text size="sm" c="dimmed">No PHQ-9 yet. Enter a baseline before the first treatment session.</Text>}
      {assessments && assessments.length > 0 && <Phq9Table assessments={assessments} name={patientName(patient)} />}
    </Paper>
  );
}
