import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { PieChart, BarChart, SunburstChart } from 'echarts/charts';
import { TooltipComponent, LegendComponent, GridComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([PieChart, BarChart, SunburstChart, TooltipComponent, LegendComponent, GridComponent, AriaComponent, SVGRenderer]);

/** Animations are off under automation so screenshots are stable. */
export const chartAnimation = typeof navigator === 'undefined' || !navigator.webdriver;

/** A small ECharts chart; `label` describes it for screen readers (the data is also in the page as text). */
export function EChart({ option, height = 220, label }: { option: echarts.EChartsCoreOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({ animation: chartAnimation, aria: { enabled: false }, ...option });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
