import { describe, expect, it } from 'vitest';
import { validationProblem as problems } from '../helpers/baseline.js';


const THIRTEEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
const MONTHS = (n: number) => Array.from({ length: n }, () => '2013-02');

describe('supermarket: bad input gives a clear error naming the path', () => {
  it('rejects a price factor outside (0, 1]', () => {
    expect(problems({ 'supermarket.vegetables.priceFactor': 0 })).toMatch(/supermarket\.vegetables\.priceFactor: out of range \(got 0, expected a number > 0 and ≤ 1\)/);
    expect(problems({ 'supermarket.staples.priceFactor': 1.2 })).toMatch(/supermarket\.staples\.priceFactor: out of range \(got 1\.2/);
    expect(problems({ 'supermarket.staples.priceFactor': -0.5 })).toMatch(/supermarket\.staples\.priceFactor: out of range/);
    expect(problems({ 'supermarket.vegetables.priceFactor': 1 })).toBe('');
  });

  it('rejects a negative cap or subsidy', () => {
    expect(problems({ 'supermarket.vegetables.cap': -1 })).toMatch(/supermarket\.vegetables\.cap: out of range \(got -1, expected a number ≥ 0\)/);
    expect(problems({ 'supermarket.staples.cap': -200 })).toMatch(/supermarket\.staples\.cap: out of range/);
    expect(problems({ 'supermarket.subsidy.monthlyYuan': -60 })).toMatch(/supermarket\.subsidy\.monthlyYuan: out of range \(got -60/);
    expect(problems({ 'supermarket.vegetables.cap': 0, 'supermarket.subsidy.monthlyYuan': 0 })).toBe('');
  });

  it('rejects an unknown cap basis or unspent-credit policy', () => {
    expect(problems({ 'supermarket.capBasis': 'retail' })).toMatch(/supermarket\.capBasis: not an allowed value \(got "retail", expected one of paid, market\)/);
    expect(problems({ 'supermarket.subsidy.unspent': 'keep' })).toMatch(/supermarket\.subsidy\.unspent: .*expected one of rollOver, expire, capped/);
  });

  it('rejects fewer stores than the subdistricts that need one', () => {
    const m = problems({ 'supermarket.stores.openingMonths': MONTHS(12), 'supermarket.stores.subdistricts': THIRTEEN.slice(0, 12) });
    expect(m).toMatch(/supermarket\.stores\.openingMonths: fewer stores than subdistricts that need one \(got "12 stores", expected at least 13/);
    expect(m).toMatch(/supermarket\.stores\.subdistricts: subdistricts with eligible households but no store \(got \[13\]/);
  });

  it('rejects a subdistrict left without a store even when there are enough stores', () => {
    const m = problems({ 'supermarket.stores.openingMonths': MONTHS(14), 'supermarket.stores.subdistricts': [...THIRTEEN.slice(0, 12), 1, 2] });
    expect(m).toMatch(/supermarket\.stores\.subdistricts: subdistricts with eligible households but no store \(got \[13\]/);
    expect(m).not.toMatch(/fewer stores/);
  });

  it('a subdistrict with no households needs no store', () => {
    expect(problems({ 'population.subdistrictWeights': [...Array(12).fill(1), 0], 'supermarket.stores.openingMonths': MONTHS(12), 'supermarket.stores.subdistricts': THIRTEEN.slice(0, 12) })).toBe('');
  });

  it('rejects store lists that do not line up, unknown subdistricts and bad months', () => {
    expect(problems({ 'supermarket.stores.subdistricts': [...THIRTEEN, 1, 2] })).toMatch(/supermarket\.stores\.subdistricts: one subdistrict per store \(got "15 subdistricts", expected 14/);
    expect(problems({ 'supermarket.stores.subdistricts': [...THIRTEEN.slice(0, 12), 13, 14] })).toMatch(/supermarket\.stores\.subdistricts: store in a subdistrict that does not exist \(got \[14\]/);
    expect(problems({ 'supermarket.stores.openingMonths': [...MONTHS(13), '2016-13'] })).toMatch(/supermarket\.stores\.openingMonths: /);
  });

  it('rejects a reporting window that ends before it starts, and a balance cap below one credit', () => {
    expect(problems({ 'supermarket.reporting.from': '2016-01', 'supermarket.reporting.to': '2015-12' })).toMatch(/supermarket\.reporting\.to: reporting window ends before it starts/);
    expect(problems({ 'supermarket.subsidy.unspent': 'capped', 'supermarket.subsidy.maxBalanceYuan': 30 })).toMatch(/supermarket\.subsidy\.maxBalanceYuan: balance cap below one month of credit/);
    expect(problems({ 'supermarket.subsidy.unspent': 'rollOver', 'supermarket.subsidy.maxBalanceYuan': 30 })).toBe('');
  });

  it('rejects an eligible category listed twice or unknown', () => {
    expect(problems({ 'supermarket.cards.eligibleCategories': ['dibao', 'dibao'] })).toMatch(/supermarket\.cards\.eligibleCategories: a category is listed twice/);
    expect(problems({ 'supermarket.cards.eligibleCategories': ['poor'] })).toMatch(/supermarket\.cards\.eligibleCategories: /);
  });
});
