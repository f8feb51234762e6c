import { Alert, Button } from '@mantine/core';
import { excitabilityEffectLabels } from '../../../shared/clinical';
import { WARNING_COLOR } from '../../app/theme';
import { formatDate } from '../../format';
import { useThresholdRecheck } from './queries';

/**
 * On the course view while a medication that changes cortical excitability was started, changed
 * or stopped after the course's last motor threshold; gone once a new threshold is recorded.
 */
export function ThresholdRecheckNotice({ courseId, onRecord }: { courseId: number; onRecord: (() => void) | null }) {
  const recheck = useThresholdRecheck(courseId).data;
  if (!recheck) return null;
  return (
    <Alert color="orange" variant="light" title="Motor threshold re-check needed" data-testid="threshold-recheck">
      {recheck.drug} changed on {formatDate(recheck.changedOn)} ({excitabilityEffectLabels[recheck.effect]}), after the last motor threshold. Measure the threshold again before the next session.
      {onRecord && <Button size="compact-sm" ml="sm" variant="outline" color={WARNING_COLOR} onClick={onRecord}>Record threshold</Button>}
    </Alert>
  );
}
