import { Skeleton } from '@mantine/core';
import { lazy, Suspense, type ComponentProps } from 'react';
import type { EChart as EChartType } from '../../components/chart';

const EChart = lazy(() => import('./chart-setup').then((m) => ({ default: m.EChart })));

/** The shared chart with line series available, loaded on first use. */
export function ResultsChart(props: ComponentProps<typeof EChartType>) {
  return (
    <Suspense fallback={<Skeleton h={props.height ?? 220} radius="xl" />}>
      <EChart {...props} />
    </Suspense>
  );
}
