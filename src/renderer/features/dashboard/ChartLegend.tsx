import classes from './ChartLegend.module.css';

/** One series in a chart's key: its name and how it is drawn. */
export interface LegendEntry {
  label: string;
  color: string;
  /** A line (with its dots), a filled band or a bar. */
  mark: 'line' | 'band' | 'bar';
}

/**
 * A chart's key above it, in the page's own text. Recharts' Legend measures itself after the chart
 * is drawn and draws the chart again to make room, which doubled a fresh dashboard's chart time.
 */
export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className={classes.legend}>
      {entries.map((entry) => (
        <li key={entry.label} className={classes.entry}>
          <svg width={18} height={10} aria-hidden="true" className={classes.swatch}>
            {entry.mark === 'line' ? (
              <>
                <line x1={0} y1={5} x2={18} y2={5} stroke={entry.color} strokeWidth={2} />
                <circle cx={9} cy={5} r={3} fill="#fff" stroke={entry.color} />
              </>
            ) : (
              <rect x={0} y={0} width={18} height={10} fill={entry.color} fillOpacity={entry.mark === 'band' ? 0.3 : 1} />
            )}
          </svg>
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
