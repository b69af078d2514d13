/** Figure builders: pure functions from result tables to plotly figures with their data. */
export { benefitDistributionFigure, type DistributionStyle } from './benefitDistribution.js';
export { calibrationFigure } from './calibration.js';
export { claimsDistributionFigure, shareClaimsExceedPremium } from './claimsDistribution.js';
export { costByPayerFigure } from './costByPayer.js';
export { frontierFigure, paretoFrontier, type FrontierAxes } from './frontier.js';
export { insuranceWaterfallFigure } from './insuranceWaterfall.js';
export { pairingSankeyFigure, HELD_NODE } from './pairingSankey.js';
export { reachFigure } from './reach.js';
export { sweepHeatmapFigure, type SweepAxes } from './sweepHeatmap.js';
export { tornadoFigure } from './tornado.js';
