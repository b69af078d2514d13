import type { ProgrammeModule } from '../../engine/programme.js';
import { insuranceMetrics } from './metrics.js';
import { runInsurance } from './run.js';

/**
 * The "timely help" insurance package (雪中送炭): 529 assessed households get basic and
 * mutual medical insurance plus five commercial covers; hospital stays and accidents are
 * settled through the cover waterfall month by month. See docs/insurance.md.
 */
export const insuranceProgramme: ProgrammeModule = {
  id: 'insurance',
  metrics: insuranceMetrics,
  run: runInsurance,
};

export { compileInsurance, type CompiledInsurance } from './compile.js';
export { layer, eventPayment, paymentWithinYear, payYear, lossLimit, type Layer } from './layer.js';
export { expectedEventPayment, paymentLimitedExpectedValue, expectedPerDayPayment } from './expected/layerExpectation.js';
export { expectedAnnualPayment, panjerAggregate, discretisePayment, type Frequency } from './expected/panjer.js';
export { limitedExpectedValue, severityFromMeanCv, severityMean, severityCdf, type Severity } from './expected/severity.js';
export { expectedClaimsByType } from './pricing.js';
export { settleEvent } from './waterfall.js';
export { FLOWS, COMMERCIAL_COVERS } from './flows.js';
export { PERSON_TYPES, HOSPITAL_LEVELS } from './parameters.js';
export { runInsuranceReplication, simulateInsurance } from './standalone.js';
