import { memo, type ReactNode, useState } from 'react';
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, LabelList, Line, ReferenceLine, Tooltip, XAxis, YAxis, type YAxisTickContentProps } from 'recharts';
import { scaleDefinition, scaleMaxTotal, scaleMinTotal } from '../../../shared/clinical';
import type { Cohort } from '../../../shared/schemas/dashboard';
import { ChartLegend } from './ChartLegend';
import { wrapWords } from './wrapWords';

/** Ticks every 5 points (10 on long scales) from the scale's lowest to its highest total, the highest included. */
function totalTicks(min: number, max: number): number[] {
  const step = max - min > 30 ? 10 : 5;
  const ticks: number[] = [];
  for (let t = min; t < max; t += step) ticks.push(t);
  if (max - (ticks.at(-1) ?? min) < step / 2) ticks.pop();
  return [...ticks, max];
}

/**
 * The tooltip measures itself against the page: it joins a chart when the pointer or the keyboard
 * first comes to it, not while the dashboard is first drawn.
 */
function Explorable({ legend, children }: { legend: ReactNode; children: (explored: boolean) => ReactNode }) {
  const [explored, setExplored] = useState(false);
  const explore = () => setExplored(true);
  return (
    <div onPointerEnter={explore} onFocus={explore}>
      {legend}
      {children(explored)}
    </div>
  );
}

/** The key's line above each chart: the chart itself is this much shorter, so the pair keeps its size. */
const LEGEND_HEIGHT = 24;

/** At most this many week labels fit the chart's width ("Wk 52" is ~38 px; the plot ~500). */
const MAX_WEEK_TICKS = 12;

/** A tick every week, or every few weeks on long follow-ups, so labels never meet (every tick is drawn: none is measured). */
function weekTicks(first: number, last: number): number[] {
  const step = Math.max(1, Math.ceil((last - first) / MAX_WEEK_TICKS));
  const ticks: number[] = [];
  for (let w = first; w <= last; w += step) ticks.push(w);
  return ticks;
}

/** Characters per line of a protocol's tick (11 px text in the axis's 300 px). */
const TICK_LINE_CHARS = 44;

/**
 * A protocol's tick: its name (on as many lines as it needs) over its "(ITT n=…)" count, drawn as
 * given. Recharts' own tick wraps a label to the axis width by measuring every word in the page, a
 * third of the chart's drawing here.
 */
function ProtocolTick({ x, y, payload }: YAxisTickContentProps) {
  const label = String(payload.value ?? '');
  const cut = label.lastIndexOf(' (');
  const lines = cut > 0 ? [...wrapWords(label.slice(0, cut), TICK_LINE_CHARS), label.slice(cut + 1)] : wrapWords(label, TICK_LINE_CHARS);
  const left = Number(x) - 4;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={11} fill="#666" className="recharts-cartesian-axis-tick-value">
      {lines.map((line, i) => (
        // The block of lines centred on the pair of bars: the first line up by half the block.
        <tspan key={i} x={left} dy={i === 0 ? `${(0.35 - (lines.length - 1) * 0.575).toFixed(3)}em` : '1.15em'}>{line}</tspan>
      ))}
    </text>
  );
}

/** Room each protocol's pair of bars and its label need: the chart grows with the protocols, so none overlap. */
const PROTOCOL_ROW_PX = 44;

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
  const weeks = data.length > 0 ? data.map((w) => w.week) : [0];
  const rule = def.outcome;
  // Each series' name and colour, drawn by the chart and named by its key from this one place.
  const band = { label: '95% CI', color: '#4393c3', mark: 'band' } as const;
  const mean = { label: `Mean ${def.name}`, color: '#000', mark: 'line' } as const;
  const legend = <ChartLegend entries={[band, mean]} />;
  return (
    <Explorable legend={legend}>
      {(explored) => (
        <ComposedChart width={width} height={height - LEGEND_HEIGHT} data={data} margin={{ top: 8, right: 32, bottom: 30, left: 0 }} role="img" aria-label={`Mean ${def.name} by week`}>
          <CartesianGrid strokeDasharray="2 4" stroke="#bbb" />
          <XAxis dataKey="week" type="number" ticks={weekTicks(Math.min(...weeks), Math.max(...weeks))} interval={0} domain={['dataMin', 'dataMax']} allowDecimals={false} tickFormatter={(w: number) => `Wk ${w}`} label={{ value: 'Week (0 = baseline); n courses under each point', position: 'insideBottom', offset: -18, fontSize: 12 }} />
          <YAxis domain={[min, max]} ticks={totalTicks(min, max)} interval={0} width={40} allowDataOverflow />
          {rule && (
            <ReferenceLine y={rule.remissionAtMost + 0.5} stroke="#1b7837" strokeDasharray="6 3" label={{ value: `Remission: ≤ ${rule.remissionAtMost}`, position: 'insideBottomLeft', fontSize: 11, fill: '#1b7837' }} />
          )}
          <Area dataKey="band" name={band.label} stroke="none" fill={band.color} fillOpacity={0.3} isAnimationActive={false} />
          <Line dataKey="mean" name={mean.label} stroke={mean.color} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false}>
            <LabelList dataKey="n" position="bottom" fontSize={10} formatter={(n: unknown) => `n=${String(n)}`} />
          </Line>
          {explored && <Tooltip isAnimationActive={false} />}
        </ComposedChart>
      )}
    </Explorable>
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
  const response = { label: 'Response (≥ 50% drop)', color: '#762a83', mark: 'bar' } as const;
  const remission = { label: `Remission (≤ ${def.outcome?.remissionAtMost ?? ''})`, color: '#1b7837', mark: 'bar' } as const;
  const legend = <ChartLegend entries={[response, remission]} />;
  return (
    <Explorable legend={legend}>
      {(explored) => (
        <BarChart width={width} height={Math.max(height - LEGEND_HEIGHT, PROTOCOL_ROW_PX * data.length + 50)} data={data} layout="vertical" margin={{ top: 8, right: 40, bottom: 10, left: 20 }} role="img" aria-label={`${def.name} response and remission by protocol`}>
          <CartesianGrid strokeDasharray="2 4" stroke="#bbb" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} interval={0} unit="%" />
          <YAxis type="category" dataKey="name" width={300} interval={0} tick={ProtocolTick} />
          <Bar dataKey="response" name={response.label} fill={response.color} isAnimationActive={false}>
            <LabelList dataKey="response" position="right" fontSize={10} formatter={(v: unknown) => `${String(v)}%`} />
          </Bar>
          <Bar dataKey="remission" name={remission.label} fill={remission.color} isAnimationActive={false}>
            <LabelList dataKey="remission" position="right" fontSize={10} formatter={(v: unknown) => `${String(v)}%`} />
          </Bar>
          {explored && <Tooltip isAnimationActive={false} />}
        </BarChart>
      )}
    </Explorable>
  );
});
