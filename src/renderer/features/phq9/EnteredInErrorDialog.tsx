import { Text } from '@mantine/core';
import type { Phq9Assessment } from '../../../shared/schemas/phq9';
import { ReasonDialog } from '../../components/ReasonDialog';
import { formatDate } from '../../format';
import { useClinicalMutation } from '../courses/queries';

/** A psychiatrist marks a PHQ-9 saved by mistake; it stays in the record, out of the outcome. */
export function EnteredInErrorDialog({ assessment, onClose }: { assessment: Phq9Assessment | null; onClose(): void }) {
  const mark = useClinicalMutation('phq9:markEnteredInError');
  return (
    <ReasonDialog
      opened={assessment !== null}
      title="Mark PHQ-9 as entered in error"
      intro={assessment && (
        <Text size="sm">
          The PHQ-9 of {formatDate(assessment.assessedOn)} (total {assessment.total}) stays in the record, struck through, and no longer counts
          toward the outcome, the charts or the dashboard. This cannot be undone; enter the correct answers as a new PHQ-9.
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
