/**
 * The reports feature, for the people who write their organisation's progress reports:
 * `/reports` (what the organisation owes, by period) and `/reports/:id` (the editor while
 * the report is theirs to write, a read-only view otherwise). The routes load it on first
 * use. Other code imports the feature only through this file.
 */
export { MyReportsPage } from './components/MyReportsPage'
export { ReportPage } from './components/ReportPage'
