import { memo } from 'react';
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, LabelList, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { scaleDefinition, scaleMaxTotal, scaleMinTotal } from '../../../shared/clinical';
import type { Cohort } from '../../../shared/schemas/dashboard';

/** Ticks every 5 points (10 on long scales) from the scale's lowest to its highest total, the highest included. */
function totalTicks(min: number, max: number): number[] {
  const step = max - min > 30 ? 10 : 5;
  const ticks: number[] = [];
  for (let t = min; t < max; t += step) ticks.push(t);
  if (max - (ticks.at(-1) ?? min) < step / 2) ticks.pop();
  return [...ticks, max];
}

// Both charts are memoized: recharts draws a chart in several passes, and the dashboard draws again
// as its other reads (protocols, staff, the table's pages) arrive, with the same cohort.

/** Mean total on the cohort's scale by week with its 95% confidence band; n under each week; the scale's remission line. */
export const CohortTrajectoryChart = memo(function CohortTrajectoryChart({ cohort, width, height }: { cohort: Cohort; width: number; height: number }) {
  const def = scaleDefinition(cohort.scale);
  const min = scaleMinTotal(def);
  const max = scaleMaxTotal(def);
  const data = cohort.weeks.map((w) => ({
    week: w.week,
    mean: Number(w.mean.toFixed(2)),
    // The interval can reach past the scale with few courses; draw it clipped to the scale's range.
    band: w.ciLow === null || w.ciHigh === null ? null : [Math.max(min, Number(w.ciLow.toFixed(2))), Math.min(max, Number(w.ciHigh.toFixed(2)))],
    n: w.n,
  }));
  const rule = def.outcome;
  return (
    <ComposedChart width={width} height={height} data={data} margin={{ top: 20, right: 20, bottom: 30, left: 0 }} role="img" aria-label={`Mean ${def.name} by week`}>
      <CartesianGrid strokeDasharray="2 4" stroke="#bbb" />
      <XAxis dataKey="week" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tickFormatter={(w: number) => `Wk ${w}`} label={{ value: 'Week (0 = baseline); n courses under each point', position: 'insideBottom', offset: -18, fontSize: 12 }} />
      <YAxis domain={[min, max]} ticks={totalTicks(min, max)} width={40} allowDataOverflow />
      {rule && (
        <ReferenceLine y={rule.remissionAtMost + 0.5} stroke="#1b7837" strokeDasharray="6 3" label={{ value: `Remission: ≤ ${rule.remissionAtMost}`, position: 'insideBottomLeft', fontSize: 11, fill: '#1b7837' }} />
      )}
      <Area dataKey="band" name="95% CI" stroke="none" fill="#4393c3" fillOpacity={0.3} isAnimationActive={false} />
      <Line dataKey="mean" name={`Mean ${def.name}`} stroke="#000" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false}>
        <LabelList dataKey="n" position="bottom" fontSize={10} formatter={(n: unknown) => `n=${String(n)}`} />
      </Line>
      <Tooltip isAnimationActive={false} />
      <Legend verticalAlign="top" height={24} />
    </ComposedChart>
  );
});

/** Response and remission rates by protocol on the cohort's scale, intention to treat (n courses in each label). */
export const RatesByProtocolChart = memo(function RatesByProtocolChart({ cohort, width, height }: { cohort: Cohort; width: number; height: number }) {
  const def = scaleDefinition(cohort.scale);
  const data = cohort.byProtocol.map((p) => ({
    name: `${p.protocolName} (ITT n=${p.n})`,
    response: Math.round(p.responseRate * 1000) / 10,
    remission: Math.round(p.remissionRate * 1000) / 10,
  }));
  return (
    <BarChart width={width} height={height} data={data} layout="vertical" margin={{ top: 20, right: 40, bottom: 10, left: 20 }} role="img" aria-label={`${def.name} response and remission by protocol`}>
      <CartesianGrid strokeDasharray="2 4" stroke="#bbb" />
      <XAxis type="number" domain={[0, 100]} unit="%" />
      <YAxis type="category" dataKey="name" width={300} fontSize={11} />
      <Bar dataKey="response" name="Response (≥ 50% drop)" fill="#762a83" isAnimationActive={false}>
        <LabelList dataKey="response" position="right" fontSize={10} formatter={(v: unknown) => `${String(v)}%`} />
      </Bar>
      <Bar dataKey="remission" name={`Remission (≤ ${def.outcome?.remissionAtMost ?? ''})`} fill="#1b7837" isAnimationActive={false}>
        <LabelList dataKey="remission" position="right" fontSize={10} formatter={(v: unknown) => `${String(v)}%`} />
      </Bar>
      <Legend verticalAlign="top" height={24} />
      <Tooltip isAnimationActive={false} />
    </BarChart>
  );
});
