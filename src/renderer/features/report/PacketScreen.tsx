import { useQuery } from '@tanstack/react-query';
import { assessmentPartLabels } from '../../../shared/schemas/phq9';
import { type PacketData, type PacketKind, packetTitles } from '../../../shared/schemas/packet';
import { phq9SeverityLabels, weekOfCourse, treatmentDayOf } from '../../../shared/clinical';
import { call, errorMessage } from '../../api/client';
import { formatDate } from '../../format';
import { Phq9CourseChart } from '../charts/Phq9CourseChart';
import { NOT_RATED } from '../courses/OutcomeSummary';
import { BaselineSection, PacketHeader, PatientFacts, ProtocolSection, ScreeningSection, Signature, TrialsSection } from './PacketParts';
import classes from './Report.module.css';
import { usePrintReady } from './usePrintReady';

function percent(value: number | null): string {
  return value === null ? '—' : `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
}

/** Before the course: what a payer asks for to authorize it. */
function AuthorizationPacket({ data }: { data: PacketData }) {
  return (
    <article className={classes.page}>
      <PacketHeader data={data} title={packetTitles.authorization} />
      <PatientFacts data={data} />
      <TrialsSection data={data} />
      <BaselineSection data={data} />
      <ProtocolSection data={data} />
      <ScreeningSection data={data} />
      <Signature data={data} />
    </article>
  );
}

/** During the course: scores over time, sessions delivered and the response so far. */
function ExtensionRequest({ data }: { data: PacketData }) {
  const { detail } = data.report;
  const { course, progress, outcome } = detail;
  const first = detail.firstSessionDate;
  const accelerated = course.sessionsPerDay > 1;
  const scores = detail.phq9.filter((a) => !a.enteredInError && a.part !== null);
  return (
    <article className={classes.page}>
      <PacketHeader data={data} title={packetTitles.extension} />
      <PatientFacts data={data} />
      <ProtocolSection data={data} />
      <h2>Sessions delivered</h2>
      <table className={classes.table} aria-label="Sessions delivered">
        <thead><tr><th>Delivered</th><th>Authorized</th><th>Planned</th><th>First session</th><th>Latest session</th><th>Partial sessions</th></tr></thead>
        <tbody>
          <tr>
            <td><b data-testid="packet-delivered">{progress.sessionsDone}</b></td><td>{course.authorizedSessions}</td><td>{course.plannedSessions}</td>
            <td>{first ? formatDate(first) : '—'}</td><td>{detail.lastSessionDate ? formatDate(detail.lastSessionDate) : '—'}</td><td>{progress.partialSessions}</td>
          </tr>
        </tbody>
      </table>
      {detail.authorizations.length > 0 && (
        <p>Authorizations: {detail.authorizations.map((a) => `${a.authorizedSessions} sessions${a.reference ? ` (${a.reference})` : ''} recorded ${formatDate(a.recordedAt.slice(0, 10))}`).join('; ')}.</p>
      )}
      <h2>Response so far (PHQ-9)</h2>
      {outcome ? (
        <table className={classes.table} aria-label="Response so far">
          <thead><tr><th>Baseline</th><th>Latest</th><th>Change</th><th>% change</th><th>Response (≥ 50% drop)</th><th>Remission (below 5)</th></tr></thead>
          <tbody>
            <tr>
              <td>{outcome.baseline.total} ({formatDate(outcome.baseline.assessedOn)})</td>
              <td>{outcome.endOfTreatment.total} ({formatDate(outcome.endOfTreatment.assessedOn)})</td>
              <td>{outcome.change > 0 ? '+' : ''}{outcome.change}</td>
              <td data-testid="packet-percent">{percent(outcome.percentChange)}</td>
              {outcome.rated ? (
                <><td>{outcome.response ? `Yes (week ${outcome.responseWeek})` : 'Not yet'}</td><td>{outcome.remission ? `Yes (week ${outcome.remissionWeek})` : 'Not yet'}</td></>
              ) : <td colSpan={2}>{NOT_RATED}</td>}
            </tr>
          </tbody>
        </table>
      ) : <p>No response can be stated yet: a baseline PHQ-9 and one after the first session are needed.</p>}
      <h2>Scores over time</h2>
      {scores.length === 0 ? <p>No PHQ-9 measures this course yet.</p> : (
        <div className={classes.avoidBreak}>
          <Phq9CourseChart detail={detail} width={720} height={240} />
          <table className={classes.table} aria-label="Scores over time">
            <thead><tr><th>Date</th><th>Part</th><th>{accelerated ? 'Day' : 'Week'}</th><th>PHQ-9 total</th><th>Severity</th></tr></thead>
            <tbody>
              {scores.map((a) => (
                <tr key={a.id}>
                  <td className={classes.nowrap}>{formatDate(a.assessedOn)}</td><td>{a.part ? assessmentPartLabels[a.part] : '—'}</td>
                  <td>{first ? (accelerated ? treatmentDayOf(first, a.assessedOn) : weekOfCourse(first, a.assessedOn)) : '—'}</td>
                  <td><b>{a.total}</b></td><td>{phq9SeverityLabels[a.severity]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Signature data={data} />
    </article>
  );
}

/** The printable payer documents of a course: the routes `/report/:courseId/authorization` and `/extension`. */
export function PacketScreen({ courseId, kind }: { courseId: number; kind: PacketKind }) {
  const packet = useQuery({ queryKey: ['packet', courseId], queryFn: () => call('reports:packetData', { courseId }) });
  usePrintReady(packet.data !== undefined);
  if (packet.isPending) return <p>Loading…</p>;
  if (!packet.data) return <p role="alert">The document could not be produced: {errorMessage(packet.error)}</p>;
  return kind === 'authorization' ? <AuthorizationPacket data={packet.data} /> : <ExtensionRequest data={packet.data} />;
}
