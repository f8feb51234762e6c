/** How many backups to keep: the newest of each of the last N days, weeks and months. */
export interface RetentionRule {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionRule = { daily: 14, weekly: 8, monthly: 12 };

/** Kinds kept apart from the rule: the newest few of each always stay (a way back from an upgrade or a restore). */
const ALWAYS_KEEP_NEWEST: Record<string, number> = { manual: 5, 'pre-migration': 3, 'pre-restore': 3 };

export interface Dated {
  name: string;
  kind: string;
  createdAt: Date;
}

function dayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The Monday (UTC) of the ISO week holding `d`. */
function weekKey(d: Date): string {
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return dayKey(monday);
}

function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/**
 * Grandfather-father-son: walking from the newest backup back, keep the newest one of each day
 * until `daily` days are covered, of each week until `weekly` weeks, of each month until
 * `monthly` months. The newest backup is always kept, and so are the newest few manual, pre-migration
 * and pre-restore ones, and any named in `protect` (a backup being restored).
 */
export function backupsToKeep(backups: readonly Dated[], rule: RetentionRule = DEFAULT_RETENTION, protect: readonly string[] = []): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>(protect);
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  const buckets: Array<{ key: (d: Date) => string; limit: number; seen: Set<string> }> = [
    { key: dayKey, limit: rule.daily, seen: new Set() },
    { key: weekKey, limit: rule.weekly, seen: new Set() },
    { key: monthKey, limit: rule.monthly, seen: new Set() },
  ];
  const perKind: Record<string, number> = {};
  for (const backup of newestFirst) {
    const always = ALWAYS_KEEP_NEWEST[backup.kind];
    if (always !== undefined) {
      perKind[backup.kind] = (perKind[backup.kind] ?? 0) + 1;
      if ((perKind[backup.kind] ?? 0) <= always) keep.add(backup.name);
    }
    for (const bucket of buckets) {
      const key = bucket.key(backup.createdAt);
      if (!bucket.seen.has(key) && bucket.seen.size < bucket.limit) {
        bucket.seen.add(key);
        keep.add(backup.name);
      }
    }
  }
  return keep;
}
