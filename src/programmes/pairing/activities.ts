import { roundFen } from '../../core/money.js';
import type { PairingState } from './state.js';

/**
 * The association's other relief activities for families on the platform: all goods in
 * stock are handed out, and a share of the general fund is spent, each split equally among
 * the admitted families (the fen left over go one each to the families admitted first).
 * With no family admitted yet, nothing is handed out and the association keeps it.
 */
export function activitiesStep(st: PairingState, m: number, benefitFen: Float64Array): void {
  const F = st.families.length;
  if (F === 0) return;
  const goods = st.goodsStockFen;
  const spend = Math.min(st.generalFundFen, roundFen(st.generalFundFen * st.cfg.activitySpendShare));
  st.goodsStockFen = 0;
  st.generalFundFen -= spend;
  st.flows.goodsOut += goods;
  st.flows.activitiesOut += spend;
  if (m < st.cfg.windowFrom || m > st.cfg.windowTo) return;
  const total = goods + spend;
  const each = Math.floor(total / F);
  const extra = total - each * F;
  const hh = st.families.cols.household;
  for (let f = 0; f < F; f++) benefitFen[hh[f]!] = benefitFen[hh[f]!]! + each + (f < extra ? 1 : 0);
}
