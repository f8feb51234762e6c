import { isIsoDate } from './dates';

/**
 * The clinic's date format: one setting used by every screen, date input, error message, report
 * and CSV. Stored dates stay YYYY-MM-DD; only what people read and type follows the format.
 */
export const DATE_FORMATS = ['d MMM yyyy', 'dd/MM/yyyy', 'MM/dd/yyyy', 'dd.MM.yyyy', 'yyyy-MM-dd'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** The format of a clinic that never chose one (the app's format before the setting existed). */
export const DEFAULT_DATE_FORMAT: DateFormat = 'd MMM yyyy';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** What to type, as people read it in a hint or an error: "DD/MM/YYYY", "D MMM YYYY". */
export function dateFormatPattern(format: DateFormat): string {
  return format.toUpperCase();
}

/** 2026-11-25 in `format`: "25 Nov 2026", "25/11/2026", "11/25/2026", "25.11.2026", "2026-11-25". */
export function formatIsoDate(iso: string, format: DateFormat): string {
  if (!isIsoDate(iso)) return iso;
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  switch (format) {
    case 'd MMM yyyy':
      return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
    case 'dd/MM/yyyy':
      return `${d}/${m}/${y}`;
    case 'MM/dd/yyyy':
      return `${m}/${d}/${y}`;
    case 'dd.MM.yyyy':
      return `${d}.${m}.${y}`;
    case 'yyyy-MM-dd':
      return iso;
  }
}

/** A timestamp's local day and time: "25 Nov 2026, 14:05" in the clinic's format. */
export function formatLocalDateTime(at: Date, format: DateFormat): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = `${String(at.getFullYear()).padStart(4, '0')}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${formatIsoDate(iso, format)}, ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

function iso(y: number, m: number, d: number): string | null {
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(text) ? text : null;
}

function monthNumber(name: string): number | null {
  const i = MONTHS.findIndex((m) => name.toLowerCase().startsWith(m.toLowerCase()));
  return i < 0 ? null : i + 1;
}

/**
 * What a person typed, read in the clinic's format, as YYYY-MM-DD; `null` when it is not a real
 * date in that format. YYYY-MM-DD is always understood too (it cannot be misread). Years have
 * four digits: "1/2/26" is refused rather than guessed.
 */
export function parseDateText(text: string, format: DateFormat): string | null {
  const t = text.trim();
  const isoLike = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (isoLike) return iso(Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3]));
  if (format === 'd MMM yyyy') {
    const m = /^(\d{1,2})[\s.-]+([A-Za-z]{3,9})\.?[\s.,-]+(\d{4})$/.exec(t);
    const month = m ? monthNumber(m[2] ?? '') : null;
    return m && month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  const parts = /^(\d{1,4})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(t);
  if (!parts || format === 'yyyy-MM-dd') return null;
  const [a, b, y] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  return format === 'MM/dd/yyyy' ? iso(y, a, b) : iso(y, b, a);
}

/**
 * The format a locale writes numeric dates in (en-US 11/25/2026, en-GB 25/11/2026, de 25.11.2026,
 * sv 2026-11-25), offered as the default when a clinic is set up.
 */
export function localeDateFormat(locale: string): DateFormat {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 10, 25)));
  } catch {
    return DEFAULT_DATE_FORMAT;
  }
  const order = parts.filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day').map((p) => p.type[0]).join('');
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() ?? '/';
  if (order === 'ymd') return 'yyyy-MM-dd';
  if (order === 'mdy') return 'MM/dd/yyyy';
  if (order === 'dmy') return separator === '.' ? 'dd.MM.yyyy' : 'dd/MM/yyyy';
  return DEFAULT_DATE_FORMAT;
}
