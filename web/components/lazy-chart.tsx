import { Skeleton } from '@mantine/core';
import { lazy, Suspense, type ComponentProps } from 'react';
import type { EChart as EChartType } from './chart';

const EChart = lazy(() => import('./chart').then((m) => ({ default: m.EChart })));

/** The chart, loaded on first use so ECharts stays out of the first download. */
export function LazyEChart(props: ComponentProps<typeof EChartType>) {
  return (
    <Suspense fallback={<Skeleton h={props.height ?? 220} radius="xl" />}>
      <EChart {...props} />
    </Suspense>
  );
}
