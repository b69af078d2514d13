/** Reports people read: figures, the HTML report, notebook display, PNG export. */
export * from './figure.js';
export * from './figures/index.js';
export { show, showTable, tableHtml, createShow } from './show.js';
export { chartHtml } from './chartHtml.js';
export { collectReportData, type ReportData } from './collect.js';
export { buildReport, type BuiltReport } from './build.js';
export { writeReport, type WriteReportOptions } from './write.js';
export { exportPngs } from './png.js';
export * from './tables.js';
export { escapeHtml } from './html/escape.js';
