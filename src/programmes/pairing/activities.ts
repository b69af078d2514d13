import { roundFen } from '../../core/money.js';
import type { PairingState } from './state.js';

/**
 * The association's other relief activities for families on the platform: all goods in
 * stock are handed out, and a share of the general fund is spent, each split equally among
 * the families in the needs pool that month (the fen left over go one each to the families
 * admitted first). With no family on the platform, nothing is handed out and the association keeps it.
 */
export function activitiesStep(st: PairingState, m: number, benefitFen: Float64Array): void {
  const fc = st.families.cols;
  let present = 0;
  for (let f = 0; f < st.families.length; f++) if (fc.leaves[f]! > m) present++;
  if (present === 0) return;
  const goods = st.goodsStockFen;
  const spend = Math.min(st.generalFundFen, roundFen(st.generalFundFen * st.cfg.activitySpendShare));
  st.goodsStockFen = 0;
  st.generalFundFen -= spend;
  st.flows.goodsOut += goods;
  st.flows.activitiesOut += spend;
  if (m < st.cfg.windowFrom || m > st.cfg.windowTo) return;
  const total = goods + spend;
  const each = Math.floor(total / present);
  let extra = total - each * present;
  for (let f = 0; f < st.families.length; f++) {
    if (fc.leaves[f]! <= m) continue;
    const hh = fc.household[f]!;
    benefitFen[hh] = benefitFen[hh]! + each + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
  }
}
