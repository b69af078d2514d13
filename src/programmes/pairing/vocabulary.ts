/**
 * The words of the pairing platform (慈善日记): who gives, what they give, what families
 * need, how pairs are formed and how the matcher chooses. Each list is in the order of the
 * integer codes the simulation stores in its typed arrays.
 */

/** Donor types of the resource pool (一端联结企业、社会组织、志愿服务团队、爱心人士). */
export const DONOR_TYPES = ['company', 'socialOrganisation', 'volunteerTeam', 'individual'] as const;
export type DonorType = (typeof DONOR_TYPES)[number];

export const DONOR_TYPE_LABELS: Readonly<Record<DonorType, readonly [zh: string, en: string]>> = {
  company: ['爱心企业', 'Companies'],
  socialOrganisation: ['社会组织', 'Social organisations'],
  volunteerTeam: ['志愿服务团队', 'Volunteer teams'],
  individual: ['爱心人士', 'Individuals'],
};

/** Kinds of help (资金扶持、就业帮扶、技能帮扶). Money covers money needs; places cover employment. */
export const HELP_KINDS = ['money', 'employment', 'skills'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];
export const KIND_MONEY = 0;
export const KIND_EMPLOYMENT = 1;
export const KIND_SKILLS = 2;

/** Need types of the needs pool (就医、入学、生活保障, plus employment for the job help). */
export const NEED_TYPES = ['medical', 'schooling', 'living', 'employment'] as const;
export type NeedType = (typeof NEED_TYPES)[number];
/** The one need type that employment places and skills training cover (money covers the others). */
export const NEED_EMPLOYMENT = 3;

export const NEED_TYPE_LABELS: Readonly<Record<NeedType, readonly [zh: string, en: string]>> = {
  medical: ['就医', 'Medical care'],
  schooling: ['入学', 'Schooling'],
  living: ['生活保障', 'Living costs'],
  employment: ['就业', 'Employment'],
};

/** What a money pledge is for: paired families, the association's other relief, or goods. */
export const MONEY_USES = ['pairing', 'general', 'goods'] as const;
export type MoneyUse = (typeof MONEY_USES)[number];
export const USE_PAIRING = 0;
export const USE_GENERAL = 1;
export const USE_GOODS = 2;

/** Pairing forms (一帮一、一帮多、多帮一). */
export const PAIRING_FORMS = ['oneToOne', 'oneToMany', 'manyToOne'] as const;
export type PairingForm = (typeof PAIRING_FORMS)[number];

/** How the monthly matcher orders and assigns (see docs/pairing.md for the objective of `optimal`). */
export const MATCHING_POLICIES = ['urgencyFirst', 'greedyBySize', 'optimal'] as const;
export type MatchingPolicy = (typeof MATCHING_POLICIES)[number];
