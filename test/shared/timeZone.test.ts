import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/shared/dates';

// `npm run test:unit:tz` runs the whole unit suite a second time with TZ=Pacific/Honolulu (UTC−10),
// where a UTC instant in the morning is still yesterday: dates here are clinic-local calendar days.
// This proves the time zone asked for is really in effect (an unknown zone falls back to UTC silently).
describe('the time zone of this run', () => {
  it('is the one TZ names, when set', () => {
    const asked = process.env['TZ'];
    if (!asked) return;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(asked);
  });

  it('gives the clinic-local calendar day of an instant', () => {
    const noonLocal = new Date('2026-03-02T12:00:00');
    expect(localIsoDate(noonLocal)).toBe('2026-03-02');
    if (process.env['TZ'] === 'Pacific/Honolulu') {
      expect(localIsoDate(new Date('2026-03-02T09:30:00.000Z'))).toBe('2026-03-01');
    }
  });
});
