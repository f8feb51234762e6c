import { Badge, Button, Table } from '@mantine/core';
import { useState } from 'react';
import { type AssessmentPart, scaleDefinition, type ScaleId } from '../../../shared/clinical';
import type { Assessment } from '../../../shared/schemas/assessment';
import { assessmentPartLabels } from '../../../shared/schemas/phq9';
import { formatDate, formatDateTime } from '../../format';
import { useCan } from '../../session/auth';
import { AcknowledgeSuicideItemDialog } from './AcknowledgeSuicideItemDialog';
import { MarkAssessmentInErrorDialog } from './MarkAssessmentInErrorDialog';
import { ScaleSeverityBadge } from './ScaleSeverityBadge';
import { SuicideItemCell } from './SuicideItemCell';
import { HiddenHeader } from '../../components/HiddenHeader';

export type ListedAssessment = Assessment & { part?: AssessmentPart | null };

/** One scale's assessments, newest first: total and band, the answers, the suicide item, who entered it; struck through when entered in error. */
export function AssessmentTable({ scale, assessments, patientName }: { scale: ScaleId; assessments: ListedAssessment[]; patientName: string }) {
  const def = scaleDefinition(scale);
  const showParts = assessments.some((a) => a.part !== undefined);
  const [acknowledging, setAcknowledging] = useState<Assessment | null>(null);
  const [marking, setMarking] = useState<Assessment | null>(null);
  const canMark = useCan()('assessments:markEnteredInError');
  const columns = 4 + (showParts ? 1 : 0) + (def.suicideItem === null ? 0 : 1);
  return (
    <>
      <Table verticalSpacing={4} aria-label={`${def.name} assessments`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>{showParts && <Table.Th>Part</Table.Th>}<Table.Th>{def.items.length === 1 ? 'Rating' : 'Total'}</Table.Th>
            <Table.Th>{def.items.length === 1 ? 'Answer' : `Items 1–${def.items.length}`}</Table.Th>
            {def.suicideItem !== null && <Table.Th>Item {def.suicideItem} (suicide)</Table.Th>}
            <Table.Th>Entered by</Table.Th>{canMark && <HiddenHeader />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...assessments].reverse().map((a) => (
            <Table.Tr key={a.id} data-testid={`${scale}-row-${a.id}`}>
              <Table.Td td={a.enteredInError ? 'line-through' : undefined} style={{ whiteSpace: 'nowrap' }}>{formatDate(a.assessedOn)}</Table.Td>
              {showParts && <Table.Td fz="sm">{a.part ? <Badge size="sm" variant="outline" color="dark" miw="max-content">{assessmentPartLabels[a.part]}</Badge> : '—'}</Table.Td>}
              {a.enteredInError ? (
                <Table.Td colSpan={columns - 1 - (showParts ? 1 : 0) + (canMark ? 1 : 0)} fz="sm">
                  <Badge color="gray" variant="outline" size="xs">Entered in error</Badge> {a.enteredInError.byName}, {formatDateTime(a.enteredInError.at)}: {a.enteredInError.reason}
                  <span style={{ textDecoration: 'line-through', marginLeft: 8 }}>total {a.total}</span>
                </Table.Td>
              ) : (
                <>
                  <Table.Td><ScaleSeverityBadge scale={scale} total={a.total} /></Table.Td>
                  <Table.Td ff="monospace" fz="sm">{def.items.length === 1 ? def.items[0]?.answers[(a.answers[0] ?? 1) - (def.items[0]?.min ?? 0)] : a.answers.join(' ')}</Table.Td>
                  {def.suicideItem !== null && <Table.Td><SuicideItemCell assessment={a} onAcknowledge={setAcknowledging} /></Table.Td>}
                  <Table.Td fz="sm">{a.enteredByName}</Table.Td>
                  {canMark && (
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" color="gray" miw="max-content" onClick={() => setMarking(a)} aria-label={`Mark the ${def.name} of ${formatDate(a.assessedOn)} as entered in error`}>
                        Entered in error…
                      </Button>
                    </Table.Td>
                  )}
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AcknowledgeSuicideItemDialog assessment={acknowledging} patientName={patientName} onClose={() => setAcknowledging(null)} />
      <MarkAssessmentInErrorDialog assessment={marking} onClose={() => setMarking(null)} />
    </>
  );
}
