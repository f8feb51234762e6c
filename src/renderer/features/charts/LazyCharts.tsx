import { Skeleton } from '@mantine/core';
import { type ComponentProps, type ComponentType, lazy, Suspense } from 'react';
import type { Phq9CourseChart } from './Phq9CourseChart';
import type { PercentChangeChart, ScaleCourseChart } from './ScaleCourseChart';

// The charting library is the app's largest dependency: it loads with the first chart, not with the app.
const loadPhq9 = () => import('./Phq9CourseChart');
const loadScale = () => import('./ScaleCourseChart');
const Phq9Chart = lazy(() => loadPhq9().then((m) => ({ default: m.Phq9CourseChart })));
const ScaleChart = lazy(() => loadScale().then((m) => ({ default: m.ScaleCourseChart })));
const PercentChart = lazy(() => loadScale().then((m) => ({ default: m.PercentChangeChart })));

/** Starts loading the charts' code (the course view asks as soon as it opens, before its data arrives). */
export function preloadCourseCharts(): void {
  void loadPhq9();
}

/** While the chart's code loads: a grey block of the chart's own size, so nothing below it moves when it appears. */
function withPlaceholder<P extends { width: number; height: number }>(Chart: ComponentType<P>) {
  return function LazyChart(props: P) {
    return (
      <Suspense fallback={<Skeleton width={props.width} height={props.height} radius="sm" role="img" aria-label="Chart loading" />}>
        <Chart {...props} />
      </Suspense>
    );
  };
}

/** The course's PHQ-9 chart, loaded when first shown. */
export const LazyPhq9CourseChart = withPlaceholder<ComponentProps<typeof Phq9CourseChart>>(Phq9Chart);
/** One scale's chart over a course, loaded when first shown. */
export const LazyScaleCourseChart = withPlaceholder<ComponentProps<typeof ScaleCourseChart>>(ScaleChart);
/** Every scale as percent change from baseline, loaded when first shown. */
export const LazyPercentChangeChart = withPlaceholder<ComponentProps<typeof PercentChangeChart>>(PercentChart);
