import { describe, expect, it } from 'vitest';
import { DATE_FORMATS, dateFormatPattern, formatIsoDate, formatLocalDateTime, localeDateFormat, parseDateText } from '../../src/shared/dateFormat';

describe('the clinic date format', () => {
  it.each([
    ['d MMM yyyy', '25 Nov 2026', '5 Mar 2026', 'D MMM YYYY'],
    ['dd/MM/yyyy', '25/11/2026', '05/03/2026', 'DD/MM/YYYY'],
    ['MM/dd/yyyy', '11/25/2026', '03/05/2026', 'MM/DD/YYYY'],
    ['dd.MM.yyyy', '25.11.2026', '05.03.2026', 'DD.MM.YYYY'],
    ['yyyy-MM-dd', '2026-11-25', '2026-03-05', 'YYYY-MM-DD'],
  ] as const)('%s writes 2026-11-25 as %s and reads it back', (format, written, early, pattern) => {
    expect(formatIsoDate('2026-11-25', format)).toBe(written);
    expect(formatIsoDate('2026-03-05', format)).toBe(early);
    expect(parseDateText(written, format)).toBe('2026-11-25');
    expect(parseDateText(early, format)).toBe('2026-03-05');
    expect(parseDateText(' 2026-11-25 ', format)).toBe('2026-11-25');
    expect(dateFormatPattern(format)).toBe(pattern);
  });

  it('reads what people type in each format: single digits, other separators, month names', () => {
    expect(parseDateText('5/3/2026', 'dd/MM/yyyy')).toBe('2026-03-05');
    expect(parseDateText('5/3/2026', 'MM/dd/yyyy')).toBe('2026-05-03');
    expect(parseDateText('5-3-2026', 'dd.MM.yyyy')).toBe('2026-03-05');
    expect(parseDateText('25 november 2026', 'd MMM yyyy')).toBe('2026-11-25');
    expect(parseDateText('25-Nov-2026', 'd MMM yyyy')).toBe('2026-11-25');
  });

  it('refuses what is no date in the format rather than guessing', () => {
    for (const format of DATE_FORMATS) {
      expect(parseDateText('', format)).toBeNull();
      expect(parseDateText('31/02/2026', format)).toBeNull();
      expect(parseDateText('2026-02-30', format)).toBeNull();
      expect(parseDateText('1/2/26', format)).toBeNull();
      expect(parseDateText('tomorrow', format)).toBeNull();
    }
    expect(parseDateText('25/11/2026', 'MM/dd/yyyy')).toBeNull();
    expect(parseDateText('11/25/2026', 'dd/MM/yyyy')).toBeNull();
    expect(parseDateText('25 Nox 2026', 'd MMM yyyy')).toBeNull();
    expect(parseDateText('25/11/2026', 'yyyy-MM-dd')).toBeNull();
  });

  it('writes a moment as the local day and time', () => {
    expect(formatLocalDateTime(new Date(2026, 10, 25, 9, 5), 'dd/MM/yyyy')).toBe('25/11/2026, 09:05');
  });

  it("offers the locale's numeric order as a new clinic's format", () => {
    expect(localeDateFormat('en-US')).toBe('MM/dd/yyyy');
    expect(localeDateFormat('en-GB')).toBe('dd/MM/yyyy');
    expect(localeDateFormat('de-DE')).toBe('dd.MM.yyyy');
    expect(localeDateFormat('sv-SE')).toBe('yyyy-MM-dd');
    expect(localeDateFormat('not a locale')).toBe('d MMM yyyy');
  });
});
