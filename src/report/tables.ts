import { PROGRAMMES, type ProgrammeId } from '../core/accounts.js';
import type { Table } from '../core/table.js';
import type { SimulationResult } from '../engine/simulate.js';
import { PAYERS } from '../metrics/engineMetrics.js';
import type { MetricSpec } from '../metrics/metric.js';
import { payerCostFen } from '../metrics/payerCost.js';
import type { Account } from '../core/accounts.js';
import { summarise } from '../metrics/summary.js';
import { HELD_NODE } from './figures/pairingSankey.js';

/** The averaged ledger's rows as records (columns payer, payee, programme, flow, yuan). */
function ledgerRows(ledger: Table): Array<{ payer: string; payee: string; programme: string; flow: string; yuan: number }> {
  const n = ledger.yuan?.length ?? 0;
  return Array.from({ length: n }, (_, i) => ({
    payer: String(ledger.payer![i]),
    payee: String(ledger.payee![i]),
    programme: String(ledger.programme![i]),
    flow: String(ledger.flow![i]),
    yuan: Number(ledger.yuan![i]),
  }));
}

/**
 * What each payer contributes to each programme, from the ledger, by the rule of
 * `payerCostFen` (money out minus money in; the stores' sales revenue is not netted
 * against their discounts). Net may be negative.
 */
export function costByPayerTable(ledger: Table): Table {
  const flows = new Map<string, { inYuan: number; outYuan: number }>();
  const bump = (account: string, programme: string, side: 'inYuan' | 'outYuan', v: number): void => {
    if (!(PAYERS as readonly string[]).includes(account)) return;
    const key = `${account}|${programme}`;
    const f = flows.get(key) ?? { inYuan: 0, outYuan: 0 };
    f[side] += v;
    flows.set(key, f);
  };
  for (const r of ledgerRows(ledger)) {
    bump(r.payer, r.programme, 'outYuan', r.yuan);
    bump(r.payee, r.programme, 'inYuan', r.yuan);
  }
  const net = new Map([...flows].map(([key, f]) => [key, payerCostFen(key.split('|')[0] as Account, f.inYuan, f.outYuan)]));
  const out: Table = { payer: [], programme: [], yuan: [] };
  const rank = (key: string): number => {
    const [payer, programme] = key.split('|') as [string, string];
    const p = (PROGRAMMES as readonly string[]).indexOf(programme);
    return (p < 0 ? PROGRAMMES.length : p) * 100 + PAYERS.indexOf(payer as (typeof PAYERS)[number]);
  };
  for (const [key, v] of [...net].sort((a, b) => rank(a[0]) - rank(b[0]))) {
    const [payer, programme] = key.split('|') as [string, string];
    out.payer!.push(payer);
    out.programme!.push(programme);
    out.yuan!.push(Math.round(v * 100) / 100);
  }
  return out;
}

/** Donor type of a pairing flow: its last `:` part (`donation:cash:company` → company). */
function donorNode(flow: string): string {
  return `from:${flow.slice(flow.lastIndexOf(':') + 1)}`;
}

/** Need (or use) of a pairing flow: its second part (`aid:medical:company` → medical), else the flow. */
function needNode(flow: string): string {
  const parts = flow.split(':');
  return `to:${parts.length >= 2 ? parts[1] : flow}`;
}

/**
 * Money through the pairing platform as Sankey links: donor types → charity association →
 * needs (and the association's other uses: goods, activities), donor services straight to
 * needs, and what the association still holds. Flow names follow the pairing programme's
 * `kind:need-or-use:donorType` pattern; links with the same ends are summed.
 */
export function pairingFlowsTable(ledger: Table): Table {
  const links = new Map<string, number>();
  const add = (source: string, target: string, v: number): void => {
    const key = `${source}|${target}`;
    links.set(key, (links.get(key) ?? 0) + v);
  };
  let held = 0;
  for (const r of ledgerRows(ledger)) {
    if (r.programme !== 'pairing') continue;
    if (r.payee === 'charityAssociation') {
      add(r.payer === 'donors' ? donorNode(r.flow) : r.payer, 'charityAssociation', r.yuan);
      held += r.yuan;
    } else if (r.payer === 'charityAssociation') {
      add('charityAssociation', needNode(r.flow), r.yuan);
      held -= r.yuan;
    } else add(r.payer === 'donors' ? donorNode(r.flow) : r.payer, needNode(r.flow), r.yuan);
  }
  const out: Table = { source: [], target: [], yuan: [] };
  for (const [key, v] of links) {
    const [source, target] = key.split('|') as [string, string];
    out.source!.push(source);
    out.target!.push(target);
    out.yuan!.push(Math.round(v * 100) / 100);
  }
  if (held > 0.005) {
    out.source!.push('charityAssociation');
    out.target!.push(HELD_NODE);
    out.yuan!.push(Math.round(held * 100) / 100);
  }
  return out;
}

/** Lump-sum covers: they pay on death or disability, not towards a hospital bill. */
const LUMP_SUM_FLOWS = new Set(['claim:death', 'claim:disability']);
const LAYER_ORDER = ['basic', 'seriousIllness', 'mutual', 'claim:accidentMedical', 'claim:topUp', 'claim:allowance'];

/**
 * The insurance waterfall's steps: households' hospital costs (flow `hospitalCost`), then
 * each layer that pays towards them (basic, serious-illness, mutual, then the insurer's
 * medical covers), in waterfall order. Empty when the ledger has no hospital costs.
 */
export function insuranceWaterfallTable(ledger: Table): Table {
  const rows = ledgerRows(ledger).filter((r) => r.programme === 'insurance');
  const cost = rows.filter((r) => r.flow === 'hospitalCost').reduce((s, r) => s + r.yuan, 0);
  if (cost <= 0) return { step: [], yuan: [] };
  const layers = new Map<string, number>();
  for (const r of rows) {
    if (r.payee !== 'households' || LUMP_SUM_FLOWS.has(r.flow)) continue;
    if (r.payer !== 'medicalInsuranceFund' && r.payer !== 'insurer') continue;
    layers.set(r.flow, (layers.get(r.flow) ?? 0) + r.yuan);
  }
  const rank = (f: string): number => (LAYER_ORDER.includes(f) ? LAYER_ORDER.indexOf(f) : LAYER_ORDER.length);
  const ordered = [...layers.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  return { step: ['hospitalCost', ...ordered], yuan: [cost, ...ordered.map((f) => layers.get(f)!)] };
}

/** Claims and premium per replication, when the insurance reports both; else undefined. */
export function claimsTable(result: SimulationResult): Table | undefined {
  const claims = result.perReplication['insurance.claimsPaidYuan'];
  const premium = result.perReplication['insurance.premiumYuan'];
  if (!claims || !premium) return undefined;
  return { claimsPaidYuan: claims, premiumYuan: premium };
}

/** Households reached by no, one, or several programmes: mean and 95% interval across replications. */
export function reachTable(result: SimulationResult): Table {
  const none = result.perReplication['reach.none'] ?? [];
  const several = result.perReplication['reach.several'] ?? [];
  const all = result.perReplication['population.households'] ?? [];
  const one = all.map((n, i) => n - (none[i] ?? 0) - (several[i] ?? 0));
  const groups: Array<[string, number[]]> = [['none', none], ['one', one], ['several', several]];
  const s = groups.map(([, v]) => summarise(v));
  return { group: groups.map(([g]) => g), households: s.map((x) => x.mean), p025: s.map((x) => x.p025), p975: s.map((x) => x.p975) };
}

/**
 * The metrics one programme reports, with labels, unit, mean and 95% interval. A metric
 * belongs to the programme when its spec says so, or (for ids without a spec) by its prefix.
 */
export function programmeMetricsTable(result: SimulationResult, programme: ProgrammeId, specs: readonly MetricSpec[], lang: 'zh' | 'en'): Table {
  const byId = new Map(specs.map((m) => [m.id, m]));
  const ids = Object.keys(result.metrics).filter((id) => (byId.get(id)?.programme ?? id.split('.')[0]) === programme);
  return {
    metric: ids,
    label: ids.map((id) => byId.get(id)?.[lang] ?? id),
    unit: ids.map((id) => result.metrics[id]!.unit),
    mean: ids.map((id) => result.metrics[id]!.mean),
    p025: ids.map((id) => result.metrics[id]!.p025),
    p975: ids.map((id) => result.metrics[id]!.p975),
  };
}
