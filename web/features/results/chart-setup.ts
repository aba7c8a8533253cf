/**
 * The charts of the results pages need lines (targets, baselines) on top of the shared bars; this module adds
 * them to ECharts' registry and is only ever loaded lazily, with the shared chart component.
 */
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import { EChart } from '../../components/chart';

echarts.use([LineChart, MarkLineComponent]);

export { EChart };
