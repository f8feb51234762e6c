import { useRef, useState } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { addDaysIso } from '../../../shared/dates';
import { daysBetween, END_OF_TREATMENT_WINDOW_DAYS, PHQ9_SEVERITY_BANDS, phq9SeverityLabels } from '../../../shared/clinical';
import { assessmentPartLabels } from '../../../shared/schemas/phq9';
import type { CourseDetail } from '../../../shared/schemas/course';
import { formatDate } from '../../format';
import { useRenderTiming } from '../../perf/useRenderTiming';
import { severityColors } from '../phq9/SeverityBadge';

interface Point {
  x: number;
  total: number;
  date: string;
  answers: number[];
  severity: string;
  part: string;
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
}

/** Treatment scores: filled circles. */
function TreatmentDot({ cx, cy, index }: DotProps) {
  if (cx === undefined || cy === undefined) return <g key={`t-${index}`} />;
  return <circle key={`t-${index}`} cx={cx} cy={cy} r={4} fill="#000" stroke="#000" className="recharts-line-dot phq9-treatment-dot" />;
}

/** Follow-ups: hollow squares, so they read apart without colour. */
function FollowUpDot({ cx, cy, index }: DotProps) {
  if (cx === undefined || cy === undefined) return <g key={`f-${index}`} />;
  return <rect key={`f-${index}`} x={cx - 5} y={cy - 5} width={10} height={10} fill="#fff" stroke="#2166ac" strokeWidth={2} className="recharts-line-dot phq9-follow-up-dot" />;
}

/** The day the chart counts from: the first session, or the planned start before any. */
export function chartOrigin(detail: CourseDetail): string {
  return detail.firstSessionDate ?? detail.course.startDate;
}

function TooltipBody({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: Point | { x: number; date: string; session: number } }> }) {
  const point = payload?.find((p) => p.payload && 'total' in p.payload)?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div style={{ background: 'white', border: '1px solid #999', padding: 8, fontSize: 12 }}>
      <strong>{formatDate(point.date)}</strong> · {point.part}
      <div>PHQ-9 {point.total} ({point.severity})</div>
      <div style={{ fontFamily: 'monospace' }}>Items: {point.answers.join(' ')}</div>
    </div>
  );
}

/**
 * PHQ-9 over a course: severity bands (labelled, not colour alone), the response line at half
 * the baseline, the remission line, session days along the bottom and motor threshold changes.
 * Baseline and treatment scores are one solid line; follow-ups (more than 7 days after the last
 * session) are drawn apart, dashed with hollow squares, after a line marking the end of
 * treatment. Standard courses count weeks, accelerated ones (several sessions a day) treatment
 * days. Fixed size and no animation, so it prints the same as it shows.
 */
export function Phq9CourseChart({ detail, width, height }: { detail: CourseDetail; width: number; height: number }) {
  const origin = chartOrigin(detail);
  const accelerated = detail.course.sessionsPerDay > 1;
  const toPoint = (a: CourseDetail['phq9'][number]): Point => ({
    x: daysBetween(origin, a.assessedOn),
    total: a.total,
    date: a.assessedOn,
    answers: a.answers,
    severity: phq9SeverityLabels[a.severity],
    part: a.part ? assessmentPartLabels[a.part] : 'Before treatment',
  });
  const valid = detail.phq9.filter((a) => !a.enteredInError);
  const points = valid.filter((a) => a.part !== 'follow_up').map(toPoint);
  const followUps = valid.filter((a) => a.part === 'follow_up').map(toPoint);
  const endOfTreatmentX = detail.lastSessionDate && followUps.length > 0
    ? daysBetween(origin, addDaysIso(detail.lastSessionDate, END_OF_TREATMENT_WINDOW_DAYS)) + 0.5
    : null;
  const sessions = detail.sessions.map((s) => ({ x: daysBetween(origin, s.sessionDate), y: 0.6, date: s.sessionDate, session: s.sessionNumber }));
  // Only re-determinations that changed the threshold are annotated; weekly ones that confirm it are not.
  const chronological = [...detail.motorThresholds].reverse();
  const mtChanges = chronological
    .filter((m, i) => i > 0 && m.rmtPctMso !== chronological[i - 1]?.rmtPctMso)
    .map((m) => ({ x: daysBetween(origin, m.measuredOn), rmt: m.rmtPctMso }));
  const xs = [0, ...points.map((p) => p.x), ...followUps.map((p) => p.x), ...sessions.map((s) => s.x)];
  const minX = Math.min(...xs);
  const maxX = Math.max(accelerated ? 4 : 7, ...xs);
  // Accelerated courses: a tick per treatment day while that stays readable, else weekly steps of days.
  const step = accelerated && maxX - minX <= 21 ? 1 : 7;
  const ticks: number[] = [];
  for (let d = Math.floor(minX / step) * step; d <= maxX + step - 1; d += step) ticks.push(d);
  const tickLabel = accelerated ? (d: number) => (d < 0 ? `${d}` : `Day ${d + 1}`) : (d: number) => (d === 0 ? 'Start' : `Wk ${d / 7}`);
  const baseline = detail.outcome?.baseline.total ?? null;

  const frame = useRef<HTMLDivElement>(null);
  useRenderTiming('phq9-chart', frame, '.recharts-line');
  // The tooltip measures itself against the page, a layout of the whole course screen: it joins the
  // chart when the pointer or the keyboard first comes to it, not while the chart is first drawn.
  const [explored, setExplored] = useState(false);
  const explore = () => setExplored(true);

  return (
    <div ref={frame} onPointerEnter={explore} onFocus={explore}>
      <ComposedChart width={width} height={height} margin={{ top: followUps.length > 0 ? 34 : 22, right: 150, bottom: 24, left: 0 }} data-testid="phq9-chart" role="img" aria-label="PHQ-9 over the course">
        {PHQ9_SEVERITY_BANDS.map((band) => (
          <ReferenceArea
            key={band.severity}
            y1={band.from}
            y2={Math.min(27, band.to + 1)}
            fill={severityColors[band.severity]}
            fillOpacity={0.45}
            stroke="none"
            ifOverflow="hidden"
            label={{ value: `${phq9SeverityLabels[band.severity]} ${band.from}–${band.to}`, position: 'right', fontSize: 11, fill: '#333' }}
          />
        ))}
        <CartesianGrid strokeDasharray="2 4" stroke="#bbb" />
        <XAxis
          type="number"
          dataKey="x"
          domain={[ticks[0] ?? 0, ticks.at(-1) ?? 7]}
          ticks={ticks}
          tickFormatter={tickLabel}
          label={{ value: accelerated ? 'Treatment day (day 1 = first session)' : 'Weeks since the first session', position: 'insideBottom', offset: -14, fontSize: 12 }}
          allowDuplicatedCategory={false}
        />
        <YAxis type="number" domain={[0, 27]} ticks={[0, 5, 10, 15, 20, 27]} width={40} label={{ value: 'PHQ-9', angle: -90, position: 'insideLeft', fontSize: 12 }} />
        <ReferenceLine y={5} stroke="#1b7837" strokeDasharray="6 3" strokeWidth={2} label={{ value: 'Remission: below 5', position: 'insideBottomLeft', fontSize: 11, fill: '#1b7837' }} />
        {baseline !== null && baseline > 0 && (
          <ReferenceLine y={baseline / 2} stroke="#762a83" strokeDasharray="2 2" strokeWidth={2} label={{ value: `Response: ≤ ${baseline / 2} (half of ${baseline})`, position: 'insideTopLeft', fontSize: 11, fill: '#762a83' }} />
        )}
        {mtChanges.map((m) => (
          <ReferenceLine key={`mt-${m.x}-${m.rmt}`} x={m.x} stroke="#b35806" strokeDasharray="4 2" label={{ value: `MT ${m.rmt}%`, position: 'top', fontSize: 10, fill: '#b35806' }} />
        ))}
        <Scatter name="Sessions" data={sessions} dataKey="y" fill="#444" shape="diamond" isAnimationActive={false} legendType="none" />
        {endOfTreatmentX !== null && (
          <ReferenceLine x={endOfTreatmentX} stroke="#333" strokeWidth={1.5} label={{ value: 'Follow-up →', position: 'insideTopRight', fontSize: 11, fill: '#2166ac' }} />
        )}
        <Line data={points} dataKey="total" name="PHQ-9: baseline and treatment" className="phq9-treatment" stroke="#000" strokeWidth={2} dot={TreatmentDot} isAnimationActive={false} connectNulls>
          {points.length <= 16 && <LabelList dataKey="total" position="top" offset={9} fontSize={11} fontWeight={700} fill="#000" stroke="#fff" strokeWidth={3} paintOrder="stroke" />}
        </Line>
        {followUps.length > 0 && (
          <Line
            data={followUps}
            dataKey="total"
            name="Follow-up (after the end of treatment)"
            className="phq9-follow-up"
            stroke="#2166ac"
            strokeWidth={2}
            strokeDasharray="5 4"
            dot={FollowUpDot}
            legendType="square"
            isAnimationActive={false}
          >
            {followUps.length <= 16 && <LabelList dataKey="total" position="top" offset={9} fontSize={11} fontWeight={700} fill="#000" stroke="#fff" strokeWidth={3} paintOrder="stroke" />}
          </Line>
        )}
        {followUps.length > 0 && <Legend verticalAlign="top" align="left" height={22} wrapperStyle={{ fontSize: 11, top: 0 }} />}
        {explored && <Tooltip content={TooltipBody} isAnimationActive={false} />}
      </ComposedChart>
    </div>
  );
}
