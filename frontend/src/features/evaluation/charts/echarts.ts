/**
 * The parts of ECharts the evaluation uses, and nothing else: bars and lines on a grid,
 * with a tooltip and a plain (not scrolling) legend, drawn as SVG. This module is loaded only by the charts
 * (a dynamic import), so ECharts never reaches the first page load.
 */
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components'
import { init, use as register } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

register([BarChart, LineChart, GridComponent, LegendPlainComponent, TooltipComponent, SVGRenderer])

export { init }
