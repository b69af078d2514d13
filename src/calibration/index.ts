/** Calibration, explanation, sensitivity and golden regression: the public API of src/calibration. */
export { loadTargets, defaultTargetsPath, type Target } from './targets.js';
export { loadModelTargets, knownMetricIds } from './modelTargets.js';
export { checkTargets, targetTable, targetDeviation, targetScale, Z95, type TargetCheck } from './checkTargets.js';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from './nelderMead.js';
export { MetricEvaluator, type EvaluatorOptions } from './evaluator.js';
export { runPartialReplication, runProgrammes, programmesFor, type TraceByProgramme } from './partialReplication.js';
export { fittableParameters, checkFitParameters, type FitParameter } from './fittable.js';
export { planFitGroups, type FitGroupPlan } from './fitGroups.js';
export { fitScenario, targetObjective, roundFitted, NothingToFitError, FIT_METHOD, type FitOptions, type FitResult, type FittedParameter, type FitGroupResult } from './fit.js';
export { fittedScenarioText, fittedNote } from './fittedScenarioFile.js';
export { dependsOnPath } from './dependency.js';
export { explainMetric, explainTable, explainHousehold, metricSpec, UnknownMetricError, type ExplainedParameter, type HouseholdTrace } from './explain.js';
export { tornado, assumedParametersOf, perturb, type TornadoOptions, type TornadoResult, type TornadoRow } from './tornado.js';
export { morris, type MorrisOptions, type MorrisResult, type MorrisRow } from './morris.js';
export { tornadoTable, morrisTable } from './sensitivityTables.js';
export * from './golden.js';
