import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/core/table.js';
import type { SimulationResult } from '../../src/engine/simulate.js';
import { summariseMetrics } from '../../src/engine/simulate.js';
import { claimsTable, costByPayerTable, insuranceWaterfallTable, pairingFlowsTable, reachTable } from '../../src/report/tables.js';

/** A hand-made averaged ledger: rows of [payer, payee, programme, flow, yuan]. */
function ledger(rows: Array<[string, string, string, string, number]>): Table {
  return { payer: rows.map((r) => r[0]), payee: rows.map((r) => r[1]), programme: rows.map((r) => r[2]), flow: rows.map((r) => r[3]), yuan: rows.map((r) => r[4]) };
}

function result(perReplication: Record<string, number[]>): SimulationResult {
  return { scenario: 't', seed: 1, replications: perReplication[Object.keys(perReplication)[0]!]!.length, metrics: summariseMetrics(perReplication), perReplication };
}

function rows(t: Table): Array<Record<string, unknown>> {
  const cols = Object.keys(t);
  return (t[cols[0]!] ?? []).map((_, i) => Object.fromEntries(cols.map((c) => [c, t[c]![i]])));
}

describe('cost by payer from the ledger', () => {
  const l = ledger([
    ['charityAssociation', 'storeOperators', 'supermarket', 'subsidy', 4700],
    ['publicShoppers', 'storeOperators', 'supermarket', 'publicSales', 70000],
    ['households', 'storeOperators', 'supermarket', 'cardPurchases', 11000],
    ['storeOperators', 'households', 'supermarket', 'discount', 3600],
    ['districtBudget', 'insurer', 'insurance', 'premium:commercial', 2000],
    ['charityAssociation', 'insurer', 'insurance', 'premium:commercial', 2000],
    ['insurer', 'households', 'insurance', 'claim:topUp', 3500],
    ['donors', 'charityAssociation', 'pairing', 'donation:cash:company', 1000],
    ['charityAssociation', 'households', 'pairing', 'aid:medical:company', 800],
  ]);
  it('nets intermediaries, shows an insurer gain, and does not set store sales against discounts', () => {
    expect(rows(costByPayerTable(l))).toEqual([
      { payer: 'charityAssociation', programme: 'supermarket', yuan: 4700 },
      { payer: 'storeOperators', programme: 'supermarket', yuan: 3600 },
      { payer: 'districtBudget', programme: 'insurance', yuan: 2000 },
      { payer: 'charityAssociation', programme: 'insurance', yuan: 2000 },
      { payer: 'insurer', programme: 'insurance', yuan: -500 },
      { payer: 'charityAssociation', programme: 'pairing', yuan: -200 },
      { payer: 'donors', programme: 'pairing', yuan: 1000 },
    ]);
  });
  it('the payers\' total is what they put in, net of what passed between them', () => {
    const total = (costByPayerTable(l).yuan as number[]).reduce((a, b) => a + b, 0);
    expect(total).toBe(4700 + 3600 + 2000 + 2000 - 500 + 1000 - 200);
  });
});

describe('pairing flows for the Sankey', () => {
  it('groups by donor type and need, sums links, adds what the association holds', () => {
    const l = ledger([
      ['donors', 'charityAssociation', 'pairing', 'donation:cash:company', 1000],
      ['donors', 'charityAssociation', 'pairing', 'donation:goods:company', 200],
      ['donors', 'charityAssociation', 'pairing', 'donation:cash:individual', 50],
      ['charityAssociation', 'households', 'pairing', 'aid:medical:company', 600],
      ['charityAssociation', 'households', 'pairing', 'aid:medical:individual', 40],
      ['charityAssociation', 'households', 'pairing', 'goods', 200],
      ['donors', 'households', 'pairing', 'service:employment:company', 30],
      ['districtBudget', 'insurer', 'insurance', 'premium:commercial', 9999],
    ]);
    expect(rows(pairingFlowsTable(l))).toEqual([
      { source: 'from:company', target: 'charityAssociation', yuan: 1200 },
      { source: 'from:individual', target: 'charityAssociation', yuan: 50 },
      { source: 'charityAssociation', target: 'to:medical', yuan: 640 },
      { source: 'charityAssociation', target: 'to:goods', yuan: 200 },
      { source: 'from:company', target: 'to:employment', yuan: 30 },
      { source: 'charityAssociation', target: 'held', yuan: 410 },
    ]);
  });
  it('no pairing money, no links', () => {
    expect(pairingFlowsTable(ledger([])).source).toEqual([]);
  });
});

describe('insurance waterfall steps', () => {
  it('hospital cost first, then the medical layers in waterfall order; lump sums left out', () => {
    const l = ledger([
      ['insurer', 'households', 'insurance', 'claim:topUp', 300],
      ['medicalInsuranceFund', 'households', 'insurance', 'basic', 500],
      ['households', 'hospitals', 'insurance', 'hospitalCost', 1000],
      ['insurer', 'households', 'insurance', 'claim:death', 200000],
      ['medicalInsuranceFund', 'households', 'insurance', 'mutual', 100],
      ['districtBudget', 'insurer', 'insurance', 'premium:commercial', 50],
    ]);
    expect(insuranceWaterfallTable(l)).toEqual({ step: ['hospitalCost', 'basic', 'mutual', 'claim:topUp'], yuan: [1000, 500, 100, 300] });
  });
  it('is empty without hospital costs', () => {
    expect(insuranceWaterfallTable(ledger([])).step).toEqual([]);
  });
});

describe('per-replication tables', () => {
  it('claims against premium need both metrics', () => {
    expect(claimsTable(result({ 'insurance.claimsPaidYuan': [1, 2] }))).toBeUndefined();
    expect(claimsTable(result({ 'insurance.claimsPaidYuan': [1, 2], 'insurance.premiumYuan': [3, 3] }))).toEqual({ claimsPaidYuan: [1, 2], premiumYuan: [3, 3] });
  });
  it('reach: one = all − none − several, replication by replication', () => {
    const t = reachTable(result({ 'population.households': [100, 100], 'reach.none': [30, 40], 'reach.several': [10, 20] }));
    expect(t.group).toEqual(['none', 'one', 'several']);
    expect(t.households).toEqual([35, 50, 15]);
    expect(t.p025).toEqual([30.25, 40.5, 10.25]);
  });
  it('reach with no replications gives zeros, not NaN', () => {
    const t = reachTable({ scenario: 't', seed: 1, replications: 0, metrics: {}, perReplication: {} });
    expect(t.households).toEqual([0, 0, 0]);
  });
});
