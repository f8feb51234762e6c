import { daysBetween, scaleBand, scaleDefinition } from '../../../shared/clinical';
import type { Assessment } from '../../../shared/schemas/assessment';
import type { CourseDetail } from '../../../shared/schemas/course';
import { formatDate } from '../../format';
import { type CourseScale, courseScales } from '../assessments/courseScales';
import { formatNumber } from '../assessments/formatNumber';
import { ScaleCourseChart } from '../charts/ScaleCourseChart';
import { AssessmentWhenCells, EnteredInErrorCells, suicideItemText } from './AssessmentRowCells';
import classes from './Report.module.css';

function ScaleOutcome({ s }: { s: CourseScale }) {
  const rule = scaleDefinition(s.scale).outcome;
  const o = s.outcome;
  if (!rule) return null;
  if (!o) return <p>No outcome on this scale: a baseline before the first session and one during treatment are needed.</p>;
  return (
    <table className={classes.table} aria-label={`${scaleDefinition(s.scale).name} outcome`}>
      <thead><tr><th>Baseline</th><th>End of treatment</th><th>Change</th><th>% change</th><th>Response</th><th>Remission</th></tr></thead>
      <tbody>
        <tr>
          <td>{o.baseline.total} ({formatDate(o.baseline.assessedOn)})</td>
          <td>{o.endOfTreatment.total} ({formatDate(o.endOfTreatment.assessedOn)})</td>
          <td>{o.change > 0 ? '+' : ''}{o.change}</td>
          <td>{o.percentChange === null ? '—' : `${o.percentChange > 0 ? '+' : ''}${formatNumber(o.percentChange)}%`}</td>
          {o.rated ? (
            <><td>{o.response ? 'Yes' : 'No'}</td><td>{o.remission ? 'Yes' : 'No'}</td></>
          ) : (
            <td colSpan={2}>Baseline below {rule.ratedMinBaseline}: not rated</td>
          )}
        </tr>
      </tbody>
    </table>
  );
}

function ScaleRules({ s }: { s: CourseScale }) {
  const rule = scaleDefinition(s.scale).outcome;
  if (!rule) return <p className={classes.muted}>A global rating: no response or remission.</p>;
  return <p className={classes.muted}>Response: a drop of at least 50% from baseline. Remission: {rule.remissionText}. Both rated only from a baseline of at least {rule.ratedMinBaseline}.</p>;
}

function answersText(a: Assessment): string {
  const def = scaleDefinition(a.scale);
  const only = def.items.length === 1 ? def.items[0] : undefined;
  return only ? (only.answers[(a.answers[0] ?? only.min) - only.min] ?? '') : a.answers.join(' ');
}

function ScaleSection({ s, detail }: { s: CourseScale; detail: CourseDetail }) {
  const def = scaleDefinition(s.scale);
  const first = detail.firstSessionDate;
  const accelerated = detail.course.sessionsPerDay > 1;
  const single = def.items.length === 1;
  return (
    <section className={classes.avoidBreak} data-testid={`report-scale-${s.scale}`}>
      <h2>{def.name} ({def.fullName})</h2>
      <ScaleOutcome s={s} />
      <ScaleRules s={s} />
      {s.treatment.length > 1 && (
        <ScaleCourseChart
          scale={s.scale}
          baseline={s.outcome?.baseline.total ?? null}
          width={720}
          height={220}
          points={s.treatment.map((a) => ({ x: daysBetween(first ?? a.assessedOn, a.assessedOn), total: a.total, date: a.assessedOn }))}
        />
      )}
      <table className={classes.table} aria-label={`${def.name} assessments`}>
        <thead>
          <tr>
            <th>Date</th><th>Part</th><th>{accelerated ? 'Day' : 'Week'}</th><th>{single ? 'Rating' : 'Total'}</th><th>Severity</th>
            <th>{single ? 'Answer' : `Items 1–${def.items.length}`}</th>{def.suicideItem !== null && <th>Item {def.suicideItem} (suicide)</th>}<th>Rated by</th>
          </tr>
        </thead>
        <tbody>
          {s.listed.map((a) =>
            a.enteredInError ? (
              <tr key={a.id}><EnteredInErrorCells assessedOn={a.assessedOn} total={a.total} marked={a.enteredInError} span={def.suicideItem !== null ? 4 : 3} /></tr>
            ) : (
              <tr key={a.id}>
                <AssessmentWhenCells assessedOn={a.assessedOn} part={a.part ?? null} firstSessionOn={first} accelerated={accelerated} />
                <td><b>{a.total}</b></td>
                <td>{scaleBand(a.scale, a.total).label}</td>
                <td className={single ? undefined : `${classes.mono} ${classes.nowrap}`}>{answersText(a)}</td>
                {def.suicideItem !== null && (
                  <td>{suicideItemText(a.suicideItemPositive, a.acknowledgement)}</td>
                )}
                <td>{a.enteredByName}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Every rating scale the course used beside the PHQ-9, each by the same date windows and rules as
 * the course view (courseScales): its outcome by its own remission rule, its chart on its own
 * axis, and its entries.
 */
export function ReportScales({ detail, assessments }: { detail: CourseDetail; assessments: readonly Assessment[] }) {
  const scales = courseScales(assessments, { firstSessionOn: detail.firstSessionDate, lastSessionOn: detail.lastSessionDate });
  return (
    <>
      {scales.map((s) => <ScaleSection key={s.scale} s={s} detail={detail} />)}
    </>
  );
}
