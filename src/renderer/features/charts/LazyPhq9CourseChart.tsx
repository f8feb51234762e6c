import { Skeleton } from '@mantine/core';
import { type ComponentProps, lazy, Suspense } from 'react';
import type { Phq9CourseChart } from './Phq9CourseChart';

// The charting library is the app's largest dependency: it loads with the first chart, not with the app.
const Chart = lazy(() => import('./Phq9CourseChart').then((m) => ({ default: m.Phq9CourseChart })));

/** The course's PHQ-9 chart, loaded when first shown. */
export function LazyPhq9CourseChart(props: ComponentProps<typeof Phq9CourseChart>) {
  return (
    <Suspense fallback={<Skeleton height={props.height} radius="sm" aria-label="Loading the chart" />}>
      <Chart {...props} />
    </Suspense>
  );
}
