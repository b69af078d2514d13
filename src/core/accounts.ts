/**
 * The accounts money moves between, and the programmes that move it. Both are small
 * integer codes so that the ledger can be a dense array instead of a list of objects.
 */
export const ACCOUNTS = [
  'districtBudget',
  'charityAssociation',
  'storeOperators',
  'insurer',
  'donors',
  'households',
  'publicShoppers',
  'medicalInsuranceFund',
  'hospitals',
] as const;
export type Account = (typeof ACCOUNTS)[number];

export const PROGRAMMES = ['supermarket', 'insurance', 'pairing'] as const;
export type ProgrammeId = (typeof PROGRAMMES)[number];

export const ACCOUNT_INDEX: Readonly<Record<Account, number>> = Object.fromEntries(
  ACCOUNTS.map((a, i) => [a, i]),
) as Record<Account, number>;

export const PROGRAMME_INDEX: Readonly<Record<ProgrammeId, number>> = Object.fromEntries(
  PROGRAMMES.map((p, i) => [p, i]),
) as Record<ProgrammeId, number>;

/** Accounts that are the public purse: the "government" side of the leverage ratio. */
export const PUBLIC_ACCOUNTS: readonly Account[] = ['districtBudget'];
