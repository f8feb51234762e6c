import type { Kysely } from 'kysely';
import type { TodayItem } from '../../shared/schemas/session';
import { engineOf } from '../db/engines/engine';
import type { DB } from '../db/schema';
import { todayList } from './today';

/**
 * The day's list, kept until the database changes (the engine's change token: any write on
 * this workstation or another) or another day is asked for. Every screen that shows it asks
 * again when another workstation logs a session; a group practice's day has 1,900 courses, and
 * reading them is the cost this saves when nothing changed in between. The token is read
 * before the list, so a write landing during the read only makes the next call read again.
 */
export class TodayReader {
  private kept: { date: string; token: string; items: readonly TodayItem[] } | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  async list(date: string): Promise<readonly TodayItem[]> {
    const token = await engineOf(this.db).changeToken(this.db);
    if (this.kept?.date === date && this.kept.token === token) return this.kept.items;
    const items = await todayList(this.db, date);
    this.kept = { date, token, items };
    return items;
  }
}
