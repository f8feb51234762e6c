import { Badge, Button, Group, Text } from '@mantine/core';
import { scaleDefinition } from '../../../shared/clinical';
import type { Assessment } from '../../../shared/schemas/assessment';
import { formatDateTime } from '../../format';
import { useCan } from '../../session/auth';

/** The suicide item's status: none on this scale, 0, acknowledged (by whom, what was done), or open with the action. */
export function SuicideItemCell({ assessment, onAcknowledge }: { assessment: Assessment; onAcknowledge(a: Assessment): void }) {
  const canAcknowledge = useCan()('assessments:acknowledge');
  const def = scaleDefinition(assessment.scale);
  if (def.suicideItem === null) return <Text size="sm" c="dimmed">—</Text>;
  const value = assessment.answers[def.suicideItem - 1];
  if (!assessment.suicideItemPositive) return <Text size="sm" c="dimmed">0</Text>;
  const name = `Item ${def.suicideItem}: ${value}`;
  if (assessment.acknowledgement) {
    return (
      <Text size="xs">
        <Badge color="red" variant="outline" size="xs">{name}</Badge> acknowledged by {assessment.acknowledgement.byName}, {formatDateTime(assessment.acknowledgement.at)}: {assessment.acknowledgement.actionTaken}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      <Badge color="red" variant="filled">{name} — not acknowledged</Badge>
      {canAcknowledge ? <Button size="compact-xs" color="red" onClick={() => onAcknowledge(assessment)}>Acknowledge</Button> : <Text size="xs">A psychiatrist acknowledges it</Text>}
    </Group>
  );
}
