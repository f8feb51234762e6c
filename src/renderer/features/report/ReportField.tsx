import type { ReactNode } from 'react';
import classes from './Report.module.css';

/** A labelled value in a printed report's header block. */
export function ReportField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.field}>
      <div className={classes.label}>{label}</div>
      <div>{children}</div>
    </div>
  );
}
