import { Badge } from '@mantine/core';
import { type Phq9Severity, phq9SeverityLabels } from '../../../shared/clinical';

/** Colour-blind-safe sequential palette; the label always says the severity too. */
export const severityColors: Record<Phq9Severity, string> = {
  minimal: '#f7f7f7',
  mild: '#d1e5f0',
  moderate: '#92c5de',
  moderately_severe: '#4393c3',
  severe: '#2166ac',
};

export function SeverityBadge({ total, severity }: { total: number; severity: Phq9Severity }) {
  // White text only on the darkest band; dark text elsewhere keeps 4.5:1 or better.
  const dark = severity === 'severe';
  return (
    <Badge variant="filled" styles={{ root: { background: severityColors[severity], color: dark ? 'white' : '#1a1a1a', border: '1px solid #6b8fb3', minWidth: 'max-content' } }}>
      {total} · {phq9SeverityLabels[severity]}
    </Badge>
  );
}
