import { CartesianGrid, ComposedChart, LabelList, Line, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { scaleDefinition, type ScaleId, scaleMaxTotal } from '../../../shared/clinical';
import { formatDate } from '../../format';
import { bandColor } from '../assessments/ScaleSeverityBadge';

export interface ScalePoint {
  /** Days since the first session (negative: before it). */
  x: number;
  total: number;
  date: string;
}

function weekTicks(xs: number[]): number[] {
  const minX = Math.min(0, ...xs);
  const maxX = Math.max(7, ...xs);
  const ticks: number[] = [];
  for (let d = Math.floor(minX / 7) * 7; d <= maxX + 6; d += 7) ticks.push(d);
  return ticks;
}
const weekLabel = (d: number) => (d === 0 ? 'Start' : `Wk ${d / 7}`);

/**
 * One scale over a course, on its own axis: its severity bands (labelled, not colour alone),
 * the response line at half the baseline and the scale's remission line. Fixed size, no animation.
 */
export function ScaleCourseChart({ scale, points, baseline, width, height }: { scale: ScaleId; points: ScalePoint[]; baseline: number | null; width: number; height: number }) {
  const def = scaleDefinition(scale);
  const max = scaleMaxTotal(def);
  const min = def.bands[0]?.from ?? 0;
  const ticks = weekTicks(points.map((p) => p.x));
  const rule = def.outcome;
  return (
    <ComposedChart width={width} height={height} margin={{ top: 22, right: 170, bottom: 24, left: 0 }} data-testid={`scale-chart-${scale}`} role="img" aria-label={`${def.name} over the course`}>
      {def.bands.map((band) => (
        <ReferenceArea
          key={band.key}
          y1={band.from - (def.items.length === 1 ? 0.5 : 0)}
          y2={Math.min(max + (def.items.length === 1 ? 0.5 : 0), band.to + (def.items.length === 1 ? 0.5 : 1))}
          fill={bandColor(scale, band.from).background}
          fillOpacity={0.45}
          stroke="none"
          ifOverflow="hidden"
          label={{ value: def.items.length === 1 ? `${band.from} ${band.label}` : `${band.label} ${band.from}–${band.to}`, position: 'right', fontSize: 11, fill: '#333' }}
        />
      ))}
      <CartesianGrid strokeDasharray="2 4" stroke="#bbb" />
      <XAxis type="number" dataKey="x" domain={[ticks[0] ?? 0, ticks.at(-1) ?? 7]} ticks={ticks} tickFormatter={weekLabel}
        label={{ value: 'Weeks since the first session', position: 'insideBottom', offset: -14, fontSize: 12 }} />
      <YAxis type="number" domain={def.items.length === 1 ? [min - 0.5, max + 0.5] : [min, max]} allowDecimals={false} width={44}
        label={{ value: def.name, angle: -90, position: 'insideLeft', fontSize: 12 }} />
      {rule && (
        <ReferenceLine y={rule.remissionAtMost + 0.5} stroke="#1b7837" strokeDasharray="6 3" strokeWidth={2}
          label={{ value: `Remission: ${rule.remissionText}`, position: 'insideBottomRight', fontSize: 11, fill: '#1b7837' }} />
      )}
      {rule && baseline !== null && baseline > 0 && (
        <ReferenceLine y={baseline / 2} stroke="#762a83" strokeDasharray="2 2" strokeWidth={2}
          label={{ value: `Response: ≤ ${baseline / 2} (half of ${baseline})`, position: 'insideTopLeft', fontSize: 11, fill: '#762a83' }} />
      )}
      <Line data={points} dataKey="total" name={def.name} stroke="#000" strokeWidth={2} isAnimationActive={false} dot={{ r: 4, fill: '#000' }}>
        {points.length <= 16 && <LabelList dataKey="total" position="top" offset={9} fontSize={11} fontWeight={700} fill="#000" stroke="#fff" strokeWidth={3} paintOrder="stroke" />}
      </Line>
      <Tooltip isAnimationActive={false} labelFormatter={() => ''} formatter={(value, _name, item) => [`${String(value)} (${formatDate((item.payload as ScalePoint).date)})`, def.name]} />
    </ComposedChart>
  );
}

/** Line styles that read apart without colour. */
const STYLES = [
  { stroke: '#000000', dash: undefined, dot: 'circle' },
  { stroke: '#2166ac', dash: '6 3', dot: 'square' },
  { stroke: '#b2182b', dash: '2 2', dot: 'triangle' },
  { stroke: '#1b7837', dash: '8 2 2 2', dot: 'diamond' },
] as const;

export interface PercentSeries {
  scale: ScaleId;
  /** x: days since the first session; percent: change from the scale's baseline. */
  points: Array<{ x: number; percent: number; date: string }>;
}

/** The course's symptom scales together as percent change from each one's baseline; response at −50%. */
export function PercentChangeChart({ series, width, height }: { series: PercentSeries[]; width: number; height: number }) {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ticks = weekTicks(xs);
  const low = Math.min(-100, ...series.flatMap((s) => s.points.map((p) => p.percent)));
  const high = Math.max(20, ...series.flatMap((s) => s.points.map((p) => p.percent)));
  return (
    <ComposedChart width={width} height={height} margin={{ top: 28, right: 40, bottom: 24, left: 14 }} data-testid="scale-chart-percent" role="img" aria-label="Percent change from baseline, every scale">
      <CartesianGrid strokeDasharray="2 4" stroke="#bbb" />
      <XAxis type="number" dataKey="x" domain={[ticks[0] ?? 0, ticks.at(-1) ?? 7]} ticks={ticks} tickFormatter={weekLabel}
        label={{ value: 'Weeks since the first session', position: 'insideBottom', offset: -14, fontSize: 12 }} />
      <YAxis type="number" domain={[Math.floor(low / 10) * 10, Math.ceil(high / 10) * 10]} width={72} tickFormatter={(v: number) => `${v}%`}
        label={{ value: 'Change from baseline', angle: -90, position: 'insideLeft', offset: -2, fontSize: 12, dx: -4 }} />
      <ReferenceLine y={0} stroke="#333" />
      <ReferenceLine y={-50} stroke="#762a83" strokeDasharray="2 2" strokeWidth={2} label={{ value: 'Response: −50%', position: 'insideTopLeft', fontSize: 11, fill: '#762a83' }} />
      {series.map((s, i) => {
        const style = STYLES[i % STYLES.length] ?? STYLES[0];
        return (
          <Line key={s.scale} data={s.points} dataKey="percent" name={scaleDefinition(s.scale).name} stroke={style.stroke} strokeDasharray={style.dash}
            strokeWidth={2} isAnimationActive={false} dot={{ r: 4, fill: style.stroke }} />
        );
      })}
      <Tooltip isAnimationActive={false} labelFormatter={() => ''} formatter={(value, name) => [`${Number(value).toFixed(0)}%`, String(name)]} />
      <text x={60} y={16} fontSize={11}>
        {series.map((s, i) => `${scaleDefinition(s.scale).name}: ${['solid', 'dashed', 'dotted', 'dash-dot'][i % 4]}`).join(' · ')}
      </text>
    </ComposedChart>
  );
}
