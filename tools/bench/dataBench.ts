import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type Kysely, sql as kysql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/main/db';
import { openPostgresDatabase, type PostgresConnection } from '../../src/main/db/postgres';
import type { DB } from '../../src/main/db/schema';
import { createDispatch, type Dispatch } from '../../src/main/ipc/dispatch';
import type { Channel } from '../../src/shared/ipc/channels';
import type { ChannelInput } from '../../src/shared/ipc/contract';
import { rawQueries, type RawQueries } from './rawQueries';
import { postgresRawQueries } from './rawQueriesPostgres';
import { summarize, type Timing } from './stats';

/** Where the bench runs: a copy of a SQLite file, or a PostgreSQL database (over loopback). */
export type BenchTarget = { engine: 'sqlite'; dbFile: string; workFile: string } | { engine: 'postgres'; connection: PostgresConnection };

export interface DataResult {
  channel: Channel;
  ours: Timing;
  raw: Timing;
  /** ours.median / raw.median */
  ratio: number;
}

interface Operation {
  name: string;
  channel: Channel;
  /** Untimed runs before the timed ones (default READ_WARMUP). */
  warmup?: number;
  /** One call through dispatch for sample i. */
  ours(i: number): Promise<unknown>;
  /** The same work as hand-written SQL for sample i. */
  raw(i: number): unknown;
  /** Untimed, before each run of both. */
  setup?(i: number): unknown;
}

/**
 * Untimed runs first: the main process of a workstation runs for hours, so its code is compiled by
 * the time a user clicks; a read's first few runs measure V8 warming up instead (at 100,000
 * patients, 20 runs of the course view: 9.0 ms median; 60 runs: 6.2 ms). Writes use up a
 * course each, so they warm up less.
 */
const READ_WARMUP = 20;
/** Writes, and the whole-clinic reads (whose raw baseline takes seconds at 100,000 patients). */
const SHORT_WARMUP = 5;

async function measure(op: Operation, runs: number): Promise<DataResult> {
  const warmup = op.warmup ?? READ_WARMUP;
  const ours: number[] = [];
  const raw: number[] = [];
  const timed = async (run: () => unknown) => {
    const t = performance.now();
    await run();
    return performance.now() - t;
  };
  // Interleaved, so both paths see the same noise from the machine; each goes first every other
  // run, as the second finds the first's rows in the server's cache.
  for (let i = 0; i < warmup + runs; i++) {
    await op.setup?.(i);
    let a: number;
    let b: number;
    if (i % 2 === 0) {
      a = await timed(() => op.ours(i));
      b = await timed(() => op.raw(i));
    } else {
      b = await timed(() => op.raw(i));
      a = await timed(() => op.ours(i));
    }
    if (i >= warmup) {
      ours.push(a);
      raw.push(b);
    }
  }
  const o = summarize(ours);
  const r = summarize(raw);
  return { channel: op.channel, ours: o, raw: r, ratio: Math.round((o.median / r.median) * 100) / 100 };
}

function call(dispatch: Dispatch, now: Date, staffId: number) {
  return async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const result = await dispatch(channel, input, { now, staffId });
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}

async function open(target: BenchTarget): Promise<{ db: Kysely<DB>; sql: RawQueries; close(): Promise<void> }> {
  if (target.engine === 'postgres') {
    const db = await openPostgresDatabase(target.connection);
    const { host, port, user, password, database } = target.connection;
    const client = new pg.Client({ host, port, user, password, database });
    await client.connect();
    return { db, sql: postgresRawQueries(client), close: async () => { await client.end(); await db.destroy(); } };
  }
  copyFileSync(target.dbFile, target.workFile);
  const db = await openDatabase(target.workFile);
  const rawDb = new Database(target.workFile);
  rawDb.pragma('journal_mode = WAL');
  rawDb.pragma('synchronous = FULL');
  rawDb.pragma('foreign_keys = ON');
  return { db, sql: rawQueries(rawDb), close: async () => { rawDb.close(); await db.destroy(); } };
}

/**
 * Runs every data operation through dispatch (configured as in the packaged app) and as raw SQL
 * on the same engine: on a copy of a SQLite file, or on a PostgreSQL database (which it writes to).
 */
export async function runDataBench(target: BenchTarget, today: string, runs: number): Promise<Record<string, DataResult>> {
  const { db, sql, close } = await open(target);
  try {
    return await measureAll(db, sql, today, runs);
  } finally {
    await close();
  }
}

async function measureAll(db: Kysely<DB>, sql: RawQueries, today: string, runs: number): Promise<Record<string, DataResult>> {
  const rows = async <T>(query: string) => (await kysql.raw<T>(query).execute(db)).rows;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`--today must be YYYY-MM-DD, not ${today}`);
  const now = new Date(`${today}T12:00:00`);
  const pick = <T>(rows: T[], i: number): T => {
    const row = rows[(i * 7919) % rows.length];
    if (row === undefined) throw new Error('The database has too little data for the benchmark');
    return row;
  };

  const names = (await rows<{ last_name: string }>('SELECT last_name FROM patients WHERE archived_at IS NULL ORDER BY id LIMIT 400')).map((r) => r.last_name);
  // What a user types, keystroke by keystroke: "G", "Ga", "Gar", "Garc" …, and MRNs.
  const typed = names.flatMap((n) => [1, 2, 3, 4].map((k) => n.slice(0, k))).concat(names.map((_, i) => `MRN-00${String(i).padStart(2, '0')}`));
  const courses = (await rows<{ id: number }>("SELECT id FROM courses WHERE status IN ('completed', 'active') ORDER BY id")).map((r) => r.id);
  // Courses with nothing saved on the day yet: the writes below add that day's session or PHQ-9 (again on a reused --postgres copy).
  const active = await rows<{ id: number; patient_id: number }>(`SELECT c.id, c.patient_id FROM courses c JOIN patients p ON p.id = c.patient_id
    WHERE c.status = 'active' AND p.archived_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM treatment_sessions s WHERE s.course_id = c.id AND s.session_date = '${today}')
      AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.patient_id = c.patient_id AND a.assessed_on = '${today}')
    ORDER BY c.id`);
  const [staff] = await rows<{ id: number }>("SELECT id FROM staff WHERE role = 'technician' AND active = 1 ORDER BY id LIMIT 1");
  const [doctor] = await rows<{ id: number }>("SELECT id FROM staff WHERE role = 'psychiatrist' AND active = 1 ORDER BY id LIMIT 1");
  if (!staff || !doctor) throw new Error('The database has no active technician or psychiatrist');
  // Signed in as a technician, as the sessions and PHQ-9s of a clinic day are.
  const invoke = call(createDispatch(db, { appVersion: 'bench', validateOutput: false }), now, staff.id);
  const writeRuns = Math.min(runs, Math.floor(active.length / 2) - SHORT_WARMUP);
  const at = now.toISOString();

  const operations: Operation[] = [
    { name: 'patients.search', channel: 'patients:search', ours: (i) => invoke('patients:search', { query: pick(typed, i) }), raw: (i) => sql.patientsSearch(pick(typed, i)) },
    { name: 'course.detail', channel: 'courses:get', ours: (i) => invoke('courses:get', { id: pick(courses, i) }), raw: (i) => sql.courseDetail(pick(courses, i)) },
    { name: 'today.list', channel: 'sessions:today', ours: () => invoke('sessions:today', { date: today }), raw: () => sql.todayList(today) },
    { name: 'dashboard.cohort', channel: 'dashboard:cohort', warmup: SHORT_WARMUP, ours: () => invoke('dashboard:cohort', {}), raw: () => sql.dashboardCohort() },
    {
      name: 'report.data', channel: 'reports:data',
      ours: (i) => invoke('reports:data', { courseId: pick(courses, i) }),
      raw: (i) => sql.reportData(pick(courses, i), doctor.id),
    },
  ];
  const results: Record<string, DataResult> = {};
  for (const op of operations) results[op.name] = await measure(op, runs);
  // The first dashboard read after someone saved a PHQ-9 (through another connection here).
  const answersAfter = [1, 1, 1, 1, 1, 1, 1, 1, 0];
  results['dashboard.cohort.afterChange'] = await measure({
    name: 'dashboard.cohort.afterChange', channel: 'dashboard:cohort', warmup: SHORT_WARMUP,
    // One PHQ-9 per patient per day: each run takes another patient, from the end of the list (the writes below take it from the start).
    setup: (i) => {
      // Not pick(): its stride would land on patients the writes below use, and a second PHQ-9 that day is refused.
      const course = active[active.length - 1 - i];
      if (!course) throw new Error('too few active courses for the benchmark');
      return sql.phq9Create(course.patient_id, today, answersAfter, staff.id, at);
    },
    ours: () => invoke('dashboard:cohort', {}),
    raw: () => sql.dashboardCohort(),
  }, runs);

  // The first today list after a change: another workstation moved a course's time for the day (kept lists are read again).
  const moved = active[0];
  if (!moved) throw new Error('no active course for the benchmark');
  results['today.list.afterChange'] = await measure({
    name: 'today.list.afterChange', channel: 'sessions:today',
    setup: (i) => invoke('today:setPlannedTime', { courseId: moved.id, date: today, plannedTime: i % 2 === 0 ? '07:00' : '07:05' }),
    ours: () => invoke('sessions:today', { date: today }),
    raw: () => sql.todayList(today),
  }, runs);

  // Writes: each run logs today's session for a different active course (ours on even, raw on odd courses).
  const prepare = (offset: number) =>
    Promise.all(Array.from({ length: SHORT_WARMUP + writeRuns }, (_, i) => invoke('sessions:prepare', { courseId: active[2 * i + offset]?.id ?? 0 })));
  const prepared = await prepare(0);
  const preparedRaw = await prepare(1);
  results['session.create'] = await measure({
    name: 'session.create', channel: 'sessions:create', warmup: SHORT_WARMUP,
    ours: (i) => invoke('sessions:create', { ...(prepared[i]?.values ?? ({} as never)), sessionDate: today }),
    raw: (i) => {
      const v = preparedRaw[i]?.values;
      if (!v) throw new Error('missing prepared session');
      return sql.sessionCreate({
        course_id: v.courseId, session_date: today, start_time: v.startTime, technician_id: staff.id, motor_threshold_id: v.motorThresholdId,
        position_method: v.positionMethod, position_json: JSON.stringify(v), landmarks: v.landmarks, coil_angle_deg: v.coilAngleDeg, coil: v.coil, frequency_hz: v.frequencyHz,
        intensity_pct_mt: v.intensityPctMt, intensity_pct_mso: v.intensityPctMso, trains_planned: v.trainsPlanned, trains_delivered: v.trainsDelivered,
        pulses_delivered: v.pulsesDelivered, at,
      }, v.sideEffects);
    },
  }, writeRuns);
  const answers = [2, 2, 1, 2, 1, 1, 1, 1, 0];
  results['phq9.create'] = await measure({
    name: 'phq9.create', channel: 'phq9:create', warmup: SHORT_WARMUP,
    ours: (i) => invoke('phq9:create', { patientId: active[2 * i]?.patient_id ?? 0, assessedOn: today, answers, difficulty: 'somewhat', notes: '' }),
    raw: (i) => sql.phq9Create(active[2 * i + 1]?.patient_id ?? 0, today, answers, staff.id, at),
  }, writeRuns);

  return results;
}
