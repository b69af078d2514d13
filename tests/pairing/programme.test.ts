import { describe, expect, it } from 'vitest';
import { fenToYuan } from '../../src/core/money.js';
import { runReplication } from '../../src/engine/simulate.js';
import { disclosureTable } from '../../src/programmes/pairing/disclosure.js';
import { pairingLedgerTotals, pairingMetrics } from '../../src/programmes/pairing/metrics.js';
import { pairingSankeyTable } from '../../src/programmes/pairing/sankey.js';
import { baseline, runPairing } from './helpers.js';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

describe('pairing programme on the baseline', () => {
  const r = runPairing(baseline());
  const { from, to } = { from: r.run.cfg.windowFrom, to: r.run.cfg.windowTo };

  it('balances the ledger to the fen, with only non-negative integer transfers', () => {
    const b = r.ledger.balance();
    expect(b.ok).toBe(true);
    expect(r.ledger.size).toBeGreaterThan(0);
    for (const e of r.ledger.list()) expect(Number.isSafeInteger(e.amountFen) && e.amountFen > 0).toBe(true);
  });

  it('posts aggregated transfers: at most one per flow and month', () => {
    const keys = r.ledger.list().map((e) => `${e.flow}|${e.month}|${e.payer}|${e.payee}`);
    expect(new Set(keys).size).toBe(keys.length);
    // 4 donor types × (2 donations + 3 aid + 2 services) + goods + activities = 30 flows at most per month.
    expect(r.ledger.size).toBeLessThanOrEqual(30 * (r.run.cfg.months - r.run.cfg.firstMonth));
  });

  it('what the association holds equals the ledger: pledge balances + general fund + goods stock', () => {
    const t = pairingLedgerTotals(r.ledger, from, to);
    expect(fenToYuan(t.heldFen)).toBe(r.metrics['pairing.heldYuan']);
    expect(t.heldFen).toBe(r.run.series.heldFen[to]);
    // And at the end of the simulation, against the account's net.
    expect(r.ledger.balance().accounts.charityAssociation.netFen).toBe(r.run.series.heldFen[r.run.cfg.months - 1]);
  });

  it('raised = disbursed + goods + other relief + change in held (the gap is explained by flows)', () => {
    const t = pairingLedgerTotals(r.ledger, from, to);
    const heldBefore = from > 0 ? r.run.series.heldFen[from - 1]! : 0;
    expect(t.raisedFen).toBe(t.disbursedFen + t.goodsFen + t.activitiesFen + (t.heldFen - heldBefore));
  });

  it('the disclosure table sums to the ledger, period by period and in total', () => {
    for (const periodMonths of [1, 3, 12]) {
      const d = disclosureTable(r.ledger, r.calendar, { from, to, periodMonths, run: r.run });
      const t = pairingLedgerTotals(r.ledger, from, to);
      const col = (name: string) => sum(d[name] as number[]);
      expect(col('given.totalYuan')).toBeCloseTo(fenToYuan(t.raisedFen), 6);
      expect(col('given.cashYuan') + col('given.goodsYuan')).toBeCloseTo(fenToYuan(t.raisedFen), 6);
      expect(col('aid.medicalYuan') + col('aid.schoolingYuan') + col('aid.livingYuan')).toBeCloseTo(fenToYuan(t.disbursedFen), 6);
      expect(col('goodsYuan')).toBeCloseTo(fenToYuan(t.goodsFen), 6);
      expect(col('activitiesYuan')).toBeCloseTo(fenToYuan(t.activitiesFen), 6);
      expect(col('services.employmentYuan') + col('services.skillsYuan')).toBeCloseTo(fenToYuan(t.servicesFen), 6);
      const held = d['held.endYuan'] as number[];
      expect(held[held.length - 1]).toBeCloseTo(fenToYuan(t.heldFen), 6);
      expect(col('lateDeliveries')).toBe(r.metrics['pairing.lateDeliveries']);
      // Each period: what came in − what went out through the association = change in held.
      for (let k = 0; k < held.length; k++) {
        const prev = k === 0 ? fenToYuan(from > 0 ? r.run.series.heldFen[from - 1]! : 0) : held[k - 1]!;
        const viaAssociation = (d['went.totalYuan'] as number[])[k]! - (d['services.employmentYuan'] as number[])[k]! - (d['services.skillsYuan'] as number[])[k]!;
        expect(held[k]! - prev).toBeCloseTo((d['given.totalYuan'] as number[])[k]! - viaAssociation, 6);
      }
    }
  });

  it('each household\'s pairing benefit in the window sums to the ledger\'s flows to households', () => {
    let toHouseholds = 0;
    for (const e of r.ledger.list()) if (e.programme === 'pairing' && e.payee === 'households' && e.month >= from && e.month <= to) toHouseholds += e.amountFen;
    expect(sum(r.outcomes.benefitFen.pairing)).toBe(toHouseholds);
    expect(sum(r.outcomes.extra['pairing.aidFen']!)).toBe(pairingLedgerTotals(r.ledger, from, to).disbursedFen);
    for (const v of r.outcomes.benefitFen.pairing) expect(v >= 0 && Number.isFinite(v)).toBe(true);
  });

  it('marks paired households and their months to pairing', () => {
    const months = r.outcomes.extra['pairing.monthsToPairing']!;
    let enrolled = 0;
    for (let h = 0; h < r.outcomes.count; h++) {
      const bit = (r.outcomes.enrolment[h]! & 4) !== 0;
      if (bit) enrolled++;
      expect(bit).toBe(months[h]! >= 0);
    }
    expect(enrolled).toBeGreaterThanOrEqual(r.metrics['pairing.familiesPaired']!);
  });

  it('the Sankey table is read off the ledger and balances at the association', () => {
    const s = pairingSankeyTable(r.ledger, from, to);
    const src = s.source as string[];
    const tgt = s.target as string[];
    const yuan = s.yuan as number[];
    let into = 0;
    let out = 0;
    for (let i = 0; i < yuan.length; i++) {
      expect(yuan[i]).toBeGreaterThan(0);
      if (tgt[i] === 'charityAssociation') into += yuan[i]!;
      if (src[i] === 'charityAssociation') out += yuan[i]!;
    }
    expect(into).toBeCloseTo(out, 6);
    expect(src.filter((x, i) => x.startsWith('from:') && tgt[i] === 'charityAssociation').length).toBeGreaterThan(0);
  });

  it('returns every declared metric as a finite number, and nothing undeclared', () => {
    expect(Object.keys(r.metrics).sort()).toEqual(pairingMetrics.map((m) => m.id).sort());
    for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
    for (const m of pairingMetrics) {
      expect(m.zh.length).toBeGreaterThan(0);
      expect(m.en.length).toBeGreaterThan(0);
    }
  });

  it('traces a paired household step by step', () => {
    const months = r.outcomes.extra['pairing.monthsToPairing']!;
    const h = months.findIndex((v) => v >= 0);
    const traced = runPairing(baseline(), 2016, 0, h);
    expect(traced.trace.some((l) => l.includes('admitted to the needs pool'))).toBe(true);
    expect(traced.trace.some((l) => l.includes('paired:'))).toBe(true);
    expect(traced.metrics).toEqual(r.metrics);
  });
});

describe('determinism', () => {
  it('same scenario and seed give identical numbers and ledgers; another seed differs', () => {
    const a = runPairing(baseline(), 7, 3);
    const b = runPairing(baseline(), 7, 3);
    expect(b.metrics).toEqual(a.metrics);
    expect(b.ledger.list()).toEqual(a.ledger.list());
    expect(Array.from(b.outcomes.benefitFen.pairing)).toEqual(Array.from(a.outcomes.benefitFen.pairing));
    const c = runPairing(baseline(), 8, 3);
    expect(c.metrics['pairing.raisedYuan']).not.toBe(a.metrics['pairing.raisedYuan']);
  });

  it('the matching policy does not change what donors deliver (own streams per kind of draw)', () => {
    const a = runPairing(baseline());
    const b = runPairing(baseline({ 'pairing.policy': 'greedyBySize' }));
    expect(b.metrics['pairing.raisedYuan']).toBe(a.metrics['pairing.raisedYuan']);
    expect(b.metrics['pairing.donors']).toBe(a.metrics['pairing.donors']);
    expect(b.metrics['pairing.familiesAdmitted']).toBe(a.metrics['pairing.familiesAdmitted']);
  });

  it('inside the full engine, the ledger balances and pairing metrics match the programme run alone', () => {
    const full = runReplication(baseline(), 2016, 0);
    const alone = runPairing(baseline(), 2016, 0);
    for (const m of pairingMetrics) expect(full.metrics[m.id]).toBe(alone.metrics[m.id]);
  });
});

describe('empty pools and edge cases give zeros, not NaN', () => {
  const zeroDonors = Object.fromEntries(['company', 'socialOrganisation', 'volunteerTeam', 'individual'].map((t) => [`pairing.donors.${t}.arrivalsPerMonth`, 0]));

  it('no donors: families wait, nothing raised or paid, no NaN', () => {
    const r = runPairing(baseline(zeroDonors));
    expect(r.metrics['pairing.donors']).toBe(0);
    expect(r.metrics['pairing.raisedYuan']).toBe(0);
    expect(r.metrics['pairing.familiesPaired']).toBe(0);
    expect(r.metrics['pairing.monthsToPairing']).toBe(0);
    expect(r.metrics['pairing.familiesAdmitted']).toBeGreaterThan(0);
    expect(r.metrics['pairing.unmetNeedYuan']).toBeGreaterThan(0);
    expect(r.ledger.size).toBe(0);
    for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
  });

  it('no families: donors give, the association holds it, nobody is paired', () => {
    for (const o of [{ 'pairing.needs.eligibleCategories': [] }, { 'pairing.assessment.capacityPerMonth': 0 }, { 'pairing.needs.referralRatePerMonth': 0 }]) {
      const r = runPairing(baseline(o));
      expect(r.metrics['pairing.familiesPaired']).toBe(0);
      expect(r.metrics['pairing.disbursedYuan']).toBe(0);
      expect(r.metrics['pairing.raisedYuan']).toBeGreaterThan(0);
      expect(r.metrics['pairing.heldYuan']).toBe(r.metrics['pairing.raisedYuan']);
      expect(r.ledger.balance().ok).toBe(true);
      for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('a referral chance too small for 1 − p to differ from 1 refers nobody (not everybody at once)', () => {
    const r = runPairing(baseline({ 'pairing.needs.referralRatePerMonth': 1e-18 }));
    expect(r.metrics['pairing.familiesAdmitted']).toBe(0);
    expect(r.metrics['pairing.familiesPaired']).toBe(0);
  });

  it('a window outside the simulated months gives zeros', () => {
    const r = runPairing(baseline({ 'pairing.window.from': '2020-01', 'pairing.window.to': '2020-12' }));
    for (const v of Object.values(r.metrics)) expect(v).toBe(0);
  });

  it('a platform that opens after the calendar ends does nothing', () => {
    const r = runPairing(baseline({ 'pairing.start': '2018-01' }));
    expect(r.ledger.size).toBe(0);
    for (const v of Object.values(r.metrics)) expect(v).toBe(0);
  });
});

describe('behaviour', () => {
  it('perfectly reliable donors are never late; less reliable donors are late more often', () => {
    const types = ['company', 'socialOrganisation', 'volunteerTeam', 'individual'];
    const perfect = runPairing(baseline(Object.fromEntries(types.map((t) => [`pairing.donors.${t}.reliability`, 1]))));
    expect(perfect.metrics['pairing.lateDeliveries']).toBe(0);
    expect(perfect.metrics['pairing.undeliveredYuan']).toBe(0);
    const base = runPairing(baseline());
    const worse = runPairing(baseline(Object.fromEntries(types.map((t) => [`pairing.donors.${t}.reliability`, 0.6]))));
    expect(worse.metrics['pairing.lateDeliveries']).toBeGreaterThan(base.metrics['pairing.lateDeliveries']!);
  });

  it('monthly monitoring finds a larger share of late deliveries than yearly monitoring', () => {
    const monthly = runPairing(baseline({ 'pairing.monitoring.intervalMonths': 1 }));
    const yearly = runPairing(baseline({ 'pairing.monitoring.intervalMonths': 12 }));
    expect(monthly.metrics['pairing.lateDeliveriesFoundShare']).toBeGreaterThan(yearly.metrics['pairing.lateDeliveriesFoundShare']!);
  });

  it('one-to-one only pairs fewer families than all three forms', () => {
    const all = runPairing(baseline());
    const oneToOne = runPairing(baseline({ 'pairing.forms': ['oneToOne'] }));
    expect(oneToOne.metrics['pairing.familiesPaired']).toBeLessThan(all.metrics['pairing.familiesPaired']!);
  });
});
