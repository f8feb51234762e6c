import { Text } from '@mantine/core';
import { scaleDefinition } from '../../../shared/clinical';
import type { Assessment } from '../../../shared/schemas/assessment';
import { ReasonDialog } from '../../components/ReasonDialog';
import { formatDate } from '../../format';
import { useClinicalMutation } from '../courses/queries';

/** A psychiatrist marks an assessment of any scale saved by mistake; it stays in the record, out of the outcome. */
export function MarkAssessmentInErrorDialog({ assessment, onClose }: { assessment: Assessment | null; onClose(): void }) {
  const mark = useClinicalMutation('assessments:markEnteredInError');
  const name = assessment ? scaleDefinition(assessment.scale).name : '';
  return (
    <ReasonDialog
      opened={assessment !== null}
      title={`Mark ${name} as entered in error`}
      intro={assessment && (
        <Text size="sm">
          The {name} of {formatDate(assessment.assessedOn)} (total {assessment.total}) stays in the record, struck through, and no longer counts
          toward the outcome, the charts or the dashboard. This cannot be undone; enter the correct answers as a new {name}.
        </Text>
      )}
      label="What was wrong"
      placeholder="e.g. entered for the wrong patient"
      submitLabel="Mark as entered in error"
      errorTitle="Not marked"
      save={(reason) => mark.mutateAsync({ assessmentId: assessment?.id ?? 0, reason })}
      saving={mark.isPending}
      onClose={onClose}
    />
  );
}
