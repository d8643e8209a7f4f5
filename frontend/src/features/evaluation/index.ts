/**
 * The annual evaluation (年度評価): `/evaluations/:planCode/:fiscalYear` for everyone (the
 * public once published), with the plan office's and the committee's actions, charts
 * (ECharts, loaded with the page) and downloads. The app loads this feature lazily:
 * import it only through a dynamic `import()` so the first page load stays small.
 */
export { EvaluationIndexRedirect } from './components/EvaluationIndexRedirect'
export { EvaluationPage } from './components/EvaluationPage'
