import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  cptCodeLabels,
  DURATION_CONVENTION,
  describeStimulation,
  formatDuration,
  PER_DAY_CPT_CODES,
  PER_SESSION_CPT_CODES,
  phq9SeverityLabels,
} from '../../../shared/clinical';
import { diagnosisLabel } from '../../../shared/icd10';
import { courseStatusLabels } from '../../../shared/schemas/course';
import { mtMethodLabels } from '../../../shared/schemas/motorThreshold';
import type { ReportData } from '../../../shared/schemas/report';
import { sexLabels } from '../../../shared/schemas/patient';
import { targetLabels } from '../../../shared/schemas/stimulation';
import { call, errorMessage } from '../../api/client';
import { ageToday, formatDate, formatDateTime, patientName, setClinicDateFormat } from '../../format';
import { Phq9CourseChart } from '../charts/Phq9CourseChart';
import { NOT_RATED } from '../courses/OutcomeSummary';
import classes from './Report.module.css';
import { AssessmentWhenCells, EnteredInErrorCells, suicideItemText } from './AssessmentRowCells';
import { ReportField } from './ReportField';
import { ReportScales } from './ReportScales';
import { usePrintReady } from './usePrintReady';

function percent(value: number | null): string {
  return value === null ? '—' : `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
}

/**
 * The course's billing codes as `cptCodes` counted them: per session for standard courses, per
 * treatment day for SNT courses (the course's billing scheme, copied from its protocol).
 */
function BillingTable({ billing, authorized, delivered, treatmentDays }: { billing: ReportData['billing']; authorized: number; delivered: number; treatmentDays: number }) {
  const perDay = billing.scheme === 'snt_per_day';
  const codes = perDay ? PER_DAY_CPT_CODES : PER_SESSION_CPT_CODES;
  const unbilled = billing.codes.unbilledRedeterminations;
  return (
    <>
      <table className={classes.table} aria-label="Authorization and billing">
        <thead>
          <tr>
            <th>Sessions authorized</th><th>Sessions delivered</th>{perDay && <th>Treatment days</th>}
            {codes.map((code) => <th key={code}>CPT {code} ({cptCodeLabels[code]})</th>)}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{authorized}</td><td>{delivered}</td>{perDay && <td>{treatmentDays}</td>}
            {codes.map((code) => <td key={code}>{billing.codes[code]}</td>)}
          </tr>
        </tbody>
      </table>
      <p className={classes.muted}>
        {perDay
          ? 'SNT (accelerated, fcMRI-guided theta burst): one Category III code per treatment day. 0889T (personalized target development) is billed once, outside the treatment days, and is not counted here.'
          : 'One code per delivered session: 90867 for the first, 90869 for the first session of a later day with a motor threshold re-determination, 90868 for every other.'}
        {unbilled > 0 && ` ${unbilled} motor threshold re-determination${unbilled === 1 ? '' : 's'} on a day without a session: not billed.`}
      </p>
    </>
  );
}

function Report({ data }: { data: ReportData }) {
  const { detail, clinic, billing } = data;
  setClinicDateFormat(clinic.dateFormat);
  // The PDF's title (its document properties, and what a screen reader announces first).
  useEffect(() => {
    document.title = `TMS course report · ${patientName(detail.patient)} · ${detail.patient.mrn}`;
  }, [detail.patient]);
  const { course, patient, outcome, progress } = detail;
  const diagnosis = diagnosisLabel(patient.primaryDiagnosis);
  const adverse = detail.sessions.filter((s) => s.adverseEventsSummary);
  const first = detail.firstSessionDate;
  // Weeks mean little over 5 days: accelerated courses count treatment days.
  const accelerated = detail.course.sessionsPerDay > 1;
  return (
    <article className={classes.page}>
      <header className={classes.title}>
        <div>
          <div className={classes.clinic}>{clinic.clinicName || 'TMS clinic'}</div>
          {clinic.clinicAddress && <div className={classes.muted}>{clinic.clinicAddress}</div>}
        </div>
        <div className={classes.right}>
          <h1>TMS treatment course report</h1>
          <div className={classes.muted}>Generated {formatDateTime(data.generatedAt)} by {data.generatedByName}</div>
        </div>
      </header>

      <section className={classes.grid4}>
        <ReportField label="Patient"><b>{patientName(patient)}</b></ReportField>
        <ReportField label="MRN">{patient.mrn}</ReportField>
        <ReportField label="Date of birth">{formatDate(patient.dateOfBirth)} ({ageToday(patient.dateOfBirth)} y), {sexLabels[patient.sex]}</ReportField>
        <ReportField label="Diagnosis">{patient.primaryDiagnosis}{diagnosis ? ` — ${diagnosis}` : ''}</ReportField>
        <ReportField label="Referring psychiatrist">{patient.referringPsychiatrist || '—'}</ReportField>
        <ReportField label="Prescribing psychiatrist">{course.prescriberName}</ReportField>
        <ReportField label="Course">{formatDate(course.startDate)}{course.endedOn ? ` – ${formatDate(course.endedOn)}` : ''} · {courseStatusLabels[course.status]}{course.statusReason ? ` (${course.statusReason})` : ''}</ReportField>
        <ReportField label="Sessions">{progress.sessionsDone} delivered of {course.plannedSessions} planned; {course.authorizedSessions} authorized</ReportField>
      </section>

      <h2>Protocol</h2>
      <p>
        <b>{course.protocolName}</b> — {targetLabels[course.target]}, {course.coil}. {describeStimulation(course)}.
        {' '}Per session: <b>{course.dose.totalPulses} pulses</b> ({course.dose.pulsesPerTrain} per train), <b>{formatDuration(course.dose.durationS)}</b> ({course.dose.durationS} s).
        {course.schedule && ` Schedule: ${course.schedule}.`}
      </p>
      <p className={classes.muted}>{DURATION_CONVENTION}</p>

      <h2>Outcome (PHQ-9)</h2>
      {outcome ? (
        <table className={classes.table}>
          <thead><tr><th>Baseline</th><th>End of treatment</th><th>Change</th><th>% change</th><th>Response (≥ 50% drop)</th><th>Remission (below 5)</th></tr></thead>
          <tbody>
            <tr>
              <td>{outcome.baseline.total} ({formatDate(outcome.baseline.assessedOn)})</td>
              <td>{outcome.endOfTreatment.total} ({formatDate(outcome.endOfTreatment.assessedOn)})</td>
              <td>{outcome.change > 0 ? '+' : ''}{outcome.change}</td>
              <td>{percent(outcome.percentChange)}</td>
              {outcome.rated ? (
                <>
                  <td>{outcome.response ? `Yes (week ${outcome.responseWeek})` : 'No'}</td>
                  <td>{outcome.remission ? `Yes (week ${outcome.remissionWeek})` : 'No'}</td>
                </>
              ) : (
                <td colSpan={2} data-testid="report-not-rated">{NOT_RATED}</td>
              )}
            </tr>
          </tbody>
        </table>
      ) : (
        <p>No outcome: a baseline PHQ-9 (from 30 days before the first session up to its day) and one after it, up to 7 days after the last session, are needed.</p>
      )}
      {detail.phq9.length > 0 && (
        <div className={classes.avoidBreak}>
          <Phq9CourseChart detail={detail} width={720} height={250} />
          <table className={classes.table}>
            <thead><tr><th>Date</th><th>Part</th><th>{accelerated ? 'Day' : 'Week'}</th><th>Total</th><th>Severity</th><th>Items 1–9</th><th>Item 9</th></tr></thead>
            <tbody>
              {detail.phq9.map((a) =>
                a.enteredInError ? (
                  <tr key={a.id}><EnteredInErrorCells assessedOn={a.assessedOn} total={a.total} marked={a.enteredInError} span={3} /></tr>
                ) : (
                  <tr key={a.id}>
                    <AssessmentWhenCells assessedOn={a.assessedOn} part={a.part} firstSessionOn={first} accelerated={accelerated} />
                    <td><b>{a.total}</b></td>
                    <td>{phq9SeverityLabels[a.severity]}</td>
                    <td className={`${classes.mono} ${classes.nowrap}`}>{a.answers.join(' ')}</td>
                    <td>{suicideItemText(a.item9Positive, a.acknowledgement)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}

      <ReportScales detail={detail} assessments={data.otherScales} />

      <h2>Motor threshold</h2>
      <table className={classes.table}>
        <thead><tr><th>Date</th><th>Resting MT</th><th>Method</th><th>Coil</th><th>Measured by</th></tr></thead>
        <tbody>
          {[...detail.motorThresholds].reverse().map((m) => (
            <tr key={m.id}><td>{formatDate(m.measuredOn)}</td><td>{m.rmtPctMso}% MSO</td><td>{mtMethodLabels[m.method]}</td><td>{m.coil}</td><td>{m.measuredByName}</td></tr>
          ))}
        </tbody>
      </table>

      <h2>Sessions</h2>
      <table className={`${classes.table} ${classes.sessions}`} aria-label="Sessions">
        <colgroup>
          <col style={{ width: '3%' }} /><col style={{ width: '10%' }} /><col style={{ width: '11%' }} /><col style={{ width: '27%' }} />
          <col style={{ width: '5%' }} /><col style={{ width: '5%' }} /><col style={{ width: '6%' }} /><col style={{ width: '6%' }} />
          <col style={{ width: '12%' }} /><col style={{ width: '15%' }} />
        </colgroup>
        <thead>
          <tr><th>#</th><th>Date</th><th>Technician</th><th>Coil position</th><th>%MT</th><th>%MSO</th><th>Trains</th><th>Pulses</th><th>Interruptions</th><th>Side effects</th></tr>
        </thead>
        <tbody>
          {detail.sessions.map((s) => (
            <tr key={s.id}>
              <td>{s.sessionNumber}</td>
              <td className={classes.nowrap}>{formatDate(s.sessionDate)}</td>
              <td>{s.technicianName}</td>
              <td>{s.positionSummary}</td>
              <td>{s.intensityPctMt}</td>
              <td>{s.intensityPctMso}</td>
              <td>{s.trainsDelivered}/{s.trainsPlanned}</td>
              <td>{s.pulsesDelivered}</td>
              <td>{s.fields.interruptions.map((i) => `after ${i.afterTrain}: ${i.reason}`).join('; ') || '—'}</td>
              <td>{[s.sideEffectsSummary, s.overrideByName ? `Override by ${s.overrideByName}: ${s.overrideReason ?? ''}` : ''].filter(Boolean).join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Cumulative pulses: <b data-testid="report-cumulative">{progress.cumulativePulses.toLocaleString('en-US')}</b> · Partial sessions: {progress.partialSessions}
        {' '}· Missed weekdays (daily phase): {progress.missedDays.length === 0 ? 'none' : `${progress.missedDays.length} (${progress.missedDays.map(formatDate).join(', ')})`}
      </p>

      <h2>Adverse events</h2>
      {adverse.length === 0 ? <p>None recorded.</p> : (
        <ul>{adverse.map((s) => <li key={s.id}>Session {s.sessionNumber} ({formatDate(s.sessionDate)}): {s.fields.adverseEvents.map((e) => `${e.event.replace(/_/g, ' ')}${e.description ? ` — ${e.description}` : ''}`).join('; ')}</li>)}</ul>
      )}

      <div className={classes.avoidBreak}>
        <h2>Authorization and billing</h2>
        <BillingTable billing={billing} authorized={course.authorizedSessions} delivered={progress.sessionsDone} treatmentDays={new Set(detail.sessions.map((s) => s.sessionDate)).size} />
        <div className={classes.signature}>
          <div>Psychiatrist: {course.prescriberName}</div>
          <div>Signature ______________________________</div>
          <div>Date ______________</div>
        </div>
      </div>
    </article>
  );
}

/** The printable course report: the route Electron and Chromium print to PDF. */
export function ReportScreen({ courseId }: { courseId: number }) {
  const report = useQuery({ queryKey: ['report', courseId], queryFn: () => call('reports:data', { courseId }) });
  usePrintReady(report.data !== undefined);
  if (report.isPending) return <p>Loading the report…</p>;
  if (!report.data) return <p role="alert">The report could not be produced: {errorMessage(report.error)}</p>;
  return <Report data={report.data} />;
}
