import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/shared/dates';

// `npm run test:unit:tz` runs the whole unit suite a second time with TZ=Pacific/Honolulu (UTC−10),
// where a UTC instant in the morning is still yesterday: dates here are clinic-local calendar days.
// This proves the time zone asked for is really in effect (an unknown zone falls back to UTC silently).
describe('the time zone of this run', () => {
  it('is the one TZ names, when set', () => {
    const asked = process.env['TZ'];
    if (!asked) return;
    // Local time equals the named zone's time (ICU may canonicalise the name: Asia/Kolkata → Asia/Calcutta;
    // an unknown name throws here, and local time would silently be UTC).
    for (const instant of [new Date('2026-01-15T12:00:00Z'), new Date('2026-07-15T12:00:00Z')]) {
      expect(instant.toLocaleString('en-US')).toBe(instant.toLocaleString('en-US', { timeZone: asked }));
    }
  });

  it('gives the clinic-local calendar day of an instant', () => {
    const noonLocal = new Date('2026-03-02T12:00:00');
    expect(localIsoDate(noonLocal)).toBe('2026-03-02');
    if (process.env['TZ'] === 'Pacific/Honolulu') {
      expect(localIsoDate(new Date('2026-03-02T09:30:00.000Z'))).toBe('2026-03-01');
    }
  });
});
