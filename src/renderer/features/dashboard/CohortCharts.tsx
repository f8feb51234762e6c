import { Area, Bar, BarChart, CartesianGrid, ComposedChart, LabelList, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Cohort } from '../../../shared/schemas/dashboard';

/** Mean PHQ-9 by week with its 95% confidence band; n under each week. */
export function CohortTrajectoryChart({ cohort, width, height }: { cohort: Cohort; width: number; height: number }) {
  const data = cohort.weeks.map((w) => ({
    week: w.week,
    mean: Number(w.mean.toFixed(2)),
    // The interval can reach past the scale with few courses; draw it clipped to 0–27.
    band: w.ciLow === null || w.ciHigh === null ? null : [Math.max(0, Number(w.ciLow.toFixed(2))), Math.min(27, Number(w.ciHigh.toFixed(2)))],
    n: w.n,
  }));
  return (
    <ComposedChart width={width} height={height} data={data} margin={{ top: 20, right: 20, bottom: 30, left: 0 }} role="img" aria-label="Mean PHQ-9 by week">
      <CartesianGrid strokeDasharray="2 4" stroke="#bbb" />
      <XAxis dataKey="week" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tickFormatter={(w: number) => `Wk ${w}`} label={{ value: 'Week (0 = baseline); n courses under each point', position: 'insideBottom', offset: -18, fontSize: 12 }} />
      <YAxis domain={[0, 27]} ticks={[0, 5, 10, 15, 20, 27]} width={40} allowDataOverflow />
      <ReferenceLine y={5} stroke="#1b7837" strokeDasharray="6 3" label={{ value: 'Remission: below 5', position: 'insideBottomRight', fontSize: 11, fill: '#1b7837' }} />
      <Area dataKey="band" name="95% CI" stroke="none" fill="#4393c3" fillOpacity={0.3} isAnimationActive={false} />
      <Line dataKey="mean" name="Mean PHQ-9" stroke="#000" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false}>
        <LabelList dataKey="n" position="bottom" fontSize={10} formatter={(n: unknown) => `n=${String(n)}`} />
      </Line>
      <Tooltip isAnimationActive={false} />
      <Legend verticalAlign="top" height={24} />
    </ComposedChart>
  );
}

/** Response and remission rates by protocol, intention to treat (n courses in each label). */
export function RatesByProtocolChart({ cohort, width, height }: { cohort: Cohort; width: number; height: number }) {
  const data = cohort.byProtocol.map((p) => ({
    name: `${p.protocolName} (ITT n=${p.n})`,
    response: Math.round(p.responseRate * 1000) / 10,
    remission: Math.round(p.remissionRate * 1000) / 10,
  }));
  return (
    <BarChart width={width} height={height} data={data} layout="vertical" margin={{ top: 20, right: 40, bottom: 10, left: 20 }} role="img" aria-label="Response and remission by protocol">
      <CartesianGrid strokeDasharray="2 4" stroke="#bbb" />
      <XAxis type="number" domain={[0, 100]} unit="%" />
      <YAxis type="category" dataKey="name" width={300} fontSize={11} />
      <Bar dataKey="response" name="Response (≥ 50% drop)" fill="#762a83" isAnimationActive={false}>
        <LabelList dataKey="response" position="right" fontSize={10} formatter={(v: unknown) => `${String(v)}%`} />
      </Bar>
      <Bar dataKey="remission" name="Remission (below 5)" fill="#1b7837" isAnimationActive={false}>
        <LabelList dataKey="remission" position="right" fontSize={10} formatter={(v: unknown) => `${String(v)}%`} />
      </Bar>
      <Legend verticalAlign="top" height={24} />
      <Tooltip isAnimationActive={false} />
    </BarChart>
  );
}
