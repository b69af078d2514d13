import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFrontier } from '../../src/engine/frontier/run.js';
import { DEFAULT_BUDGET_YUAN, leverOverrides, loadFrontierFile, planFrontier, type FrontierInput } from '../../src/engine/frontier/spec.js';
import { evaluatedTable, frontierJson, frontierTable } from '../../src/engine/frontier/table.js';
import { describeTerms, evaluateTerms } from '../../src/engine/frontier/terms.js';
import { ScenarioError, type ScenarioIssue } from '../../src/scenario/issues.js';
import { BASELINE_FILE, requireBuiltWorker, smallScenario } from './fixtures.js';

function issuesOf(f: () => unknown): ScenarioIssue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

const plan = (input: Omit<FrontierInput, 'base'>) => planFrontier({ base: smallScenario(), ...input });

describe('planFrontier', () => {
  it('reads levers, splits, weights and defaults', () => {
    const p = plan({
      cost: ['insurance.fundingYuan', 'supermarket.subsidyYuan'],
      outcome: { 'population.households': 1, 'reach.none': -1 },
      levers: { 'insurance.households': { from: 0, to: 400 }, 'supermarket.staples.priceFactor': { from: 0.6, to: 0.9 } },
      splits: [{ name: 'insuranceShare', total: 1_000_000, paths: ['insurance.fundingYuan', 'insurance.premium.fixedPerHouseholdYuan'], from: 0.5, to: 1 }],
    });
    expect(p.budget).toBe(DEFAULT_BUDGET_YUAN);
    expect(p.cost).toEqual([{ metric: 'insurance.fundingYuan', weight: 1 }, { metric: 'supermarket.subsidyYuan', weight: 1 }]);
    expect(p.outcome).toEqual([{ metric: 'population.households', weight: 1 }, { metric: 'reach.none', weight: -1 }]);
    expect(p.levers.map((l) => [l.name, l.integer ?? false])).toEqual([['insurance.households', true], ['supermarket.staples.priceFactor', false], ['insuranceShare', false]]);
    expect(p.levers[0]!.current).toBe(150);
    expect(p.search.method).toBe('epsilon');
    expect(p.outcomeLabel.en).toBe('Outcome: population.households − reach.none');
  });

  it('turns rates into counts with `times` terms, replication by replication', () => {
    const p = plan({
      cost: 'insurance.fundingYuan',
      outcome: [{ metric: 'insurance.households', times: 'insurance.catastrophicRate.before' }, { metric: 'insurance.households', times: 'insurance.catastrophicRate.after', weight: -1 }],
      levers: { 'insurance.households': { from: 0, to: 400 } },
    });
    const perReplication = { 'insurance.households': [100, 200], 'insurance.catastrophicRate.before': [0.5, 0.4], 'insurance.catastrophicRate.after': [0.1, 0.05] };
    expect(evaluateTerms(p.outcome, perReplication, 2)).toEqual([100 * 0.5 - 100 * 0.1, 200 * 0.4 - 200 * 0.05]);
    expect(describeTerms(p.outcome)).toBe('insurance.households × insurance.catastrophicRate.before − insurance.households × insurance.catastrophicRate.after');
  });

  it('a split sends its share and the rest to two parameters, adding up to the total to the fen', () => {
    const p = plan({ cost: 'insurance.fundingYuan', outcome: 'reach.several', splits: [{ name: 's', total: 1_000_000.01, paths: ['insurance.fundingYuan', 'insurance.premium.fixedPerHouseholdYuan'], from: 0.2, to: 1 }] });
    for (const share of [0.2, 0.223456, 1 / 3, 0.5, 1]) {
      const o = leverOverrides(p.levers, [share]);
      expect(Math.round((o['insurance.fundingYuan']! + o['insurance.premium.fixedPerHouseholdYuan']!) * 100)).toBe(100_000_001);
      expect(o['insurance.fundingYuan']).toBeCloseTo(share * 1_000_000.01, 1);
    }
  });

  it('reports bad levers, metrics, budget and search settings before any work', () => {
    const issues = issuesOf(() =>
      plan({
        budget: -1,
        cost: ['cost.nothing'],
        outcome: { 'reach.none': Number.NaN },
        levers: { 'insurance.housholds': { from: 0, to: 1 }, 'supermarket.capBasis': { from: 0, to: 1 }, 'supermarket.vegetables.cap': { from: -10, to: 100 }, 'insurance.households': { from: 10, to: 5 } },
        search: { method: 'annealing' as 'epsilon' },
      }),
    );
    const where = issues.map((i) => i.path);
    expect(where).toEqual(
      expect.arrayContaining(['budget', 'cost[0]', 'outcome.reach.none', 'levers.insurance.housholds', 'levers.supermarket.capBasis', 'levers.supermarket.vegetables.cap.from', 'levers.insurance.households', 'search.method']),
    );
    expect(issues.find((i) => i.path === 'levers.supermarket.vegetables.cap.from')!.got).toBe(-10);
  });

  it('checks the scenario rules with every lever at its bounds', () => {
    const issues = issuesOf(() => plan({ cost: 'insurance.fundingYuan', outcome: 'reach.several', levers: { 'population.subdistricts': { from: 12, to: 13 } } }));
    expect(issues[0]!.problem).toMatch(/lower bounds \(population\.subdistricts=12\)/);
  });

  it('loads a frontier file with base relative to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuhou-frontier-'));
    const file = join(dir, 'f.yaml');
    writeFileSync(file, `base: ${resolve(BASELINE_FILE)}\nbudget: 1000000\ncost: insurance.fundingYuan\noutcome: reach.several\nlevers:\n  insurance.households: {from: 100, to: 200}\nsearch: {method: nsga2, population: 8, generations: 2}\n`);
    const p = loadFrontierFile(file);
    expect(p.budget).toBe(1_000_000);
    expect(p.search).toEqual({ method: 'nsga2', population: 8, generations: 2 });
    expect(p.name).toBe('f');
  });
});

describe('runFrontier', () => {
  beforeAll(requireBuiltWorker);

  it('simulates policies on workers and reports the frontier with intervals, flagging the current policy', async () => {
    // insuring more households (premium at expected claims) costs more and reaches more
    const p = planFrontier({
      base: smallScenario(),
      set: { 'insurance.premium.mode': 'expectedClaims' },
      replications: 1,
      budget: 3_000_000,
      cost: 'insurance.fundingYuan',
      outcome: 'insurance.households',
      levers: { 'insurance.households': { from: 0, to: 400 } },
      search: { method: 'epsilon', levels: 2, maxEvaluations: 10 },
    });
    const result = await runFrontier(p, { workers: 2 });
    expect(result.points.length).toBeGreaterThanOrEqual(10);
    expect(result.current?.levers['insurance.households']).toBe(150);
    expect(result.frontier.length).toBeGreaterThan(2);
    for (let i = 1; i < result.frontier.length; i++) expect(result.frontier[i]!.outcome.mean).toBeGreaterThan(result.frontier[i - 1]!.outcome.mean);
    for (const f of result.frontier) {
      expect(f.cost.mean).toBeLessThanOrEqual(3_000_000);
      expect(f.outcome.mean).toBe(f.levers['insurance.households']);
      expect(f.cost.p025).toBeLessThanOrEqual(f.cost.mean);
      expect(f.cost.p975).toBeGreaterThanOrEqual(f.cost.mean);
    }
    const table = frontierTable(result);
    expect(Object.keys(table)).toEqual(['policy', 'insurance.households', 'cost', 'cost.p025', 'cost.p975', 'outcome', 'outcome.p025', 'outcome.p975', 'current']);
    expect(evaluatedTable(result).onFrontier!.filter(Boolean).length).toBe(result.frontier.length);
    const json = frontierJson(result) as { frontier: unknown[]; evaluations: number };
    expect(json.frontier.length).toBe(result.frontier.length);
    expect(json.evaluations).toBe(result.points.length);
  });
});

