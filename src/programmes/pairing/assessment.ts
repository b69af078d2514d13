import { NEED_TYPES } from './vocabulary.js';
import { traceLine, traced, type PairingState } from './state.js';
import { fenToYuan } from '../../core/money.js';

/**
 * The third party's month: start as many assessments as its capacity allows, in referral
 * order, then finish those that have taken `assessmentMonths`. A finished household whose
 * score reaches `minUrgency` joins the needs pool as a waiting family; others are turned away.
 */
export function assessmentStep(st: PairingState, m: number): void {
  const { cfg, referrals: r } = st;
  const referredByNow = r.referralsBefore[m + 1]!;
  const start = Math.min(cfg.assessmentCapacity, referredByNow - st.assessStarted);
  for (let k = st.assessStarted; k < st.assessStarted + start; k++) {
    st.assessStartMonth[k] = m;
    if (traced(st, r.household[k]!)) traceLine(st, r.household[k]!, m, `referred in ${st.calendar.label(r.month[k]!)}; third-party assessment starts`);
  }
  st.assessStarted += start;
  const score = st.population.households.assessmentScore;
  while (st.assessDone < st.assessStarted && st.assessStartMonth[st.assessDone]! + cfg.assessmentMonths <= m) {
    const k = st.assessDone++;
    const hh = r.household[k]!;
    const urgency = score[hh]!;
    if (urgency < cfg.minUrgency) {
      if (traced(st, hh)) traceLine(st, hh, m, `assessed: score ${urgency.toFixed(3)} below ${cfg.minUrgency}; not admitted to the needs pool`);
      continue;
    }
    const f = st.families.add();
    const c = st.families.cols;
    c.household[f] = hh;
    c.referred[f] = r.month[k]!;
    c.admitted[f] = m;
    c.leaves[f] = m + r.needMonths[k]!;
    c.needType[f] = r.needType[k]!;
    c.needFen[f] = r.needFen[k]!;
    c.urgency[f] = urgency;
    c.subdistrict[f] = st.population.households.subdistrict[hh]!;
    c.firstPaired[f] = -1;
    if (traced(st, hh)) traceLine(st, hh, m, `admitted to the needs pool: urgency ${urgency.toFixed(3)}, need ${NEED_TYPES[c.needType[f]!]} ${fenToYuan(c.needFen[f]!)} yuan/month`);
  }
}
