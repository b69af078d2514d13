import { DONOR_TYPES, HELP_KINDS, NEED_TYPES, type DonorType, type HelpKind, type NeedType } from './vocabulary.js';

/**
 * Names of the pairing programme's ledger flows. The names carry who gave and what for, so
 * that the disclosure table and the Sankey diagram are read off the ledger alone:
 * - `donation:cash:<donorType>`, `donation:goods:<donorType>`: donors → charity association;
 * - `aid:<needType>:<donorType>`: association → paired families, from that type's pledges;
 * - `goods`, `activities`: association → families on the platform (goods, other relief);
 * - `service:<employment|skills>:<donorType>`: donors → families, places valued at the stated price.
 */
export type PairingFlow =
  | { kind: 'donation'; form: 'cash' | 'goods'; donorType: DonorType }
  | { kind: 'aid'; needType: NeedType; donorType: DonorType }
  | { kind: 'goods' }
  | { kind: 'activities' }
  | { kind: 'service'; help: Exclude<HelpKind, 'money'>; donorType: DonorType };

export function donationFlow(form: 'cash' | 'goods', donorType: number): string {
  return `donation:${form}:${DONOR_TYPES[donorType]}`;
}

export function aidFlow(needType: number, donorType: number): string {
  return `aid:${NEED_TYPES[needType]}:${DONOR_TYPES[donorType]}`;
}

export function serviceFlow(kind: number, donorType: number): string {
  return `service:${HELP_KINDS[kind]}:${DONOR_TYPES[donorType]}`;
}

/** Every flow name, built once: [donorType], [needType × types + donorType], [(kind − 1) × types + donorType]. */
export const FLOW_NAMES = {
  donationCash: DONOR_TYPES.map((_, t) => donationFlow('cash', t)),
  donationGoods: DONOR_TYPES.map((_, t) => donationFlow('goods', t)),
  aid: NEED_TYPES.flatMap((_, n) => DONOR_TYPES.map((_, t) => aidFlow(n, t))),
  services: [1, 2].flatMap((k) => DONOR_TYPES.map((_, t) => serviceFlow(k, t))),
};

export const GOODS_FLOW = 'goods';
export const ACTIVITIES_FLOW = 'activities';

function isDonorType(x: string | undefined): x is DonorType {
  return (DONOR_TYPES as readonly string[]).includes(x ?? '');
}

/** Reads a flow name back; throws on a name the pairing programme never writes. */
export function parseFlow(flow: string): PairingFlow {
  const [head, a, b] = flow.split(':');
  if (head === 'donation' && (a === 'cash' || a === 'goods') && isDonorType(b)) return { kind: 'donation', form: a, donorType: b };
  if (head === 'aid' && (NEED_TYPES as readonly string[]).includes(a ?? '') && isDonorType(b)) return { kind: 'aid', needType: a as NeedType, donorType: b };
  if (head === 'service' && (a === 'employment' || a === 'skills') && isDonorType(b)) return { kind: 'service', help: a, donorType: b };
  if (flow === GOODS_FLOW) return { kind: 'goods' };
  if (flow === ACTIVITIES_FLOW) return { kind: 'activities' };
  throw new Error(`not a pairing flow: ${flow}`);
}
