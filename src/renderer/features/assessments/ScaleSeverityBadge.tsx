import { Badge } from '@mantine/core';
import { type ScaleId, scaleBand, scaleDefinition } from '../../../shared/clinical';

/** Colour-blind-safe sequential palette (light to dark); the label always names the band too. */
const PALETTE = ['#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#1a4f8a', '#0d2f57'];

/** The band's colour: five or fewer bands spread over the first five shades, more bands one shade each. */
export function bandColor(scale: ScaleId, total: number): { background: string; dark: boolean } {
  const bands = scaleDefinition(scale).bands;
  const index = Math.max(0, bands.findIndex((b) => total >= b.from && total <= b.to));
  const at = bands.length > 5 ? Math.min(index, PALETTE.length - 1) : bands.length === 1 ? 0 : Math.round((index * 4) / (bands.length - 1));
  return { background: PALETTE[at] ?? '#f7f7f7', dark: at >= 4 };
}

export function ScaleSeverityBadge({ scale, total }: { scale: ScaleId; total: number }) {
  const band = scaleBand(scale, total);
  const { background, dark } = bandColor(scale, total);
  return (
    <Badge variant="filled" styles={{ root: { background, color: dark ? 'white' : '#1a1a1a', border: '1px solid #6b8fb3', textTransform: 'none', minWidth: 'max-content' } }}>
      {total} · {band.label}
    </Badge>
  );
}
