import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/population/columns.js';
import { chiSquare, chiSquareBound, populationOf, scaledBaseline, shareWithin, shares } from './helpers.js';

/**
 * The generated population follows its parameters: 50k households of the baseline's
 * categories, every drawn attribute compared with the distribution it is drawn from, within
 * sampling error (4.5 standard errors, or chi-square beyond its 99.9% point).
 */
const scenario = scaledBaseline(50_000);
const p = scenario.values.population;
const pop = populationOf(scenario);
const { households: hh, persons } = pop;
const AGE_BANDS = [
  [0, 17],
  [18, 59],
  [60, 95],
] as const;
const SEVERITY = [0, 1, 0.55, 0.7];

describe('population distributions (50k households)', () => {
  it('has exactly the households of each category, in category order, with ids 1..n', () => {
    let h = 0;
    let wrong = 0;
    for (let c = 0; c < CATEGORIES.length; c++) {
      const n = p[CATEGORIES[c]!].households;
      for (let i = 0; i < n; i++, h++) if (hh.category[h] !== c || hh.id[h] !== h + 1) wrong++;
    }
    expect(h).toBe(50_000);
    expect(hh.count).toBe(h);
    expect(wrong).toBe(0);
  });

  it('persons are contiguous per household and point back to it', () => {
    let next = 0;
    let bad = 0;
    for (let h = 0; h < hh.count; h++) {
      if (hh.firstPerson[h] !== next) bad++;
      for (let k = next; k < next + hh.size[h]!; k++) if (persons.household[k] !== h) bad++;
      next += hh.size[h]!;
    }
    expect(bad).toBe(0);
    expect(persons.count).toBe(next);
  });

  it('household sizes follow each category’s size weights', () => {
    for (let c = 0; c < CATEGORIES.length; c++) {
      const cp = p[CATEGORIES[c]!];
      const counts = new Float64Array(5);
      for (let h = 0; h < hh.count; h++) if (hh.category[h] === c) counts[hh.size[h]! - 1]!++;
      expect(chiSquare(counts, shares(cp.sizeWeights))).toBeLessThan(chiSquareBound(4));
      shares(cp.sizeWeights).forEach((share, i) => expect(shareWithin(counts[i]! / cp.households, share, cp.households)).toBe(true));
    }
  });

  it('subdistricts follow their weights', () => {
    const counts = new Float64Array(p.subdistricts);
    for (let h = 0; h < hh.count; h++) counts[hh.subdistrict[h]!]!++;
    expect(chiSquare(counts, shares(p.subdistrictWeights))).toBeLessThan(chiSquareBound(p.subdistricts - 1));
  });

  it('illness groups follow each category’s weights', () => {
    for (let c = 0; c < CATEGORIES.length; c++) {
      const cp = p[CATEGORIES[c]!];
      const counts = new Float64Array(4);
      for (let h = 0; h < hh.count; h++) if (hh.category[h] === c) counts[hh.illnessGroup[h]!]!++;
      shares(cp.illnessGroupWeights).forEach((share, g) => expect(shareWithin(counts[g]! / cp.households, share, cp.households)).toBe(true));
    }
  });

  it('income per person is lognormal with each category’s mean and coefficient of variation', () => {
    for (let c = 0; c < CATEGORIES.length; c++) {
      const cp = p[CATEGORIES[c]!];
      let n = 0;
      let sum = 0;
      let sumSq = 0;
      let logSum = 0;
      let logSumSq = 0;
      for (let h = 0; h < hh.count; h++) {
        if (hh.category[h] !== c) continue;
        const perPerson = hh.incomeFen[h]! / hh.size[h]! / 100;
        n++;
        sum += perPerson;
        sumSq += perPerson * perPerson;
        logSum += Math.log(perPerson);
        logSumSq += Math.log(perPerson) ** 2;
      }
      const mean = sum / n;
      const sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
      expect(Math.abs(mean - cp.incomePerPersonYuan)).toBeLessThan((4.5 * cp.incomePerPersonYuan * cp.incomeCv) / Math.sqrt(n));
      expect(Math.abs(sd / mean - cp.incomeCv) / cp.incomeCv).toBeLessThan(0.05);
      // On the log scale: N(μ, σ²) with σ² = ln(1 + cv²), μ = ln(mean) − σ²/2.
      const sigma2 = Math.log(1 + cp.incomeCv ** 2);
      const logMean = logSum / n;
      const logSd = Math.sqrt((logSumSq - n * logMean * logMean) / (n - 1));
      expect(Math.abs(logMean - (Math.log(cp.incomePerPersonYuan) - sigma2 / 2))).toBeLessThan((4.5 * Math.sqrt(sigma2)) / Math.sqrt(n));
      expect(Math.abs(logSd / Math.sqrt(sigma2) - 1)).toBeLessThan(4.5 / Math.sqrt(2 * n));
    }
  });

  it('ages follow the band weights and are uniform within each band', () => {
    const counts = new Float64Array(96);
    for (let k = 0; k < persons.count; k++) counts[persons.age[k]!]!++;
    const bandShares = shares(p.ageBandWeights);
    AGE_BANDS.forEach(([lo, hi], b) => {
      let inBand = 0;
      for (let a = lo; a <= hi; a++) inBand += counts[a]!;
      expect(shareWithin(inBand / persons.count, bandShares[b]!, persons.count)).toBe(true);
      const width = hi - lo + 1;
      expect(chiSquare(counts.slice(lo, hi + 1), new Array(width).fill(1 / width))).toBeLessThan(chiSquareBound(width - 1));
    });
  });

  it('an ill or disabled household has exactly one carrier, a member chosen at random', () => {
    const positions = [new Float64Array(2), new Float64Array(3)]; // carrier position in households of 2 and 3
    const grades = new Float64Array(10);
    let wrong = 0;
    for (let h = 0; h < hh.count; h++) {
      const group = hh.illnessGroup[h]!;
      let chronic = 0;
      let disabled = 0;
      let at = -1;
      for (let k = hh.firstPerson[h]!, i = 0; i < hh.size[h]!; k++, i++) {
        if (persons.chronicIllness[k]) {
          chronic++;
          at = i;
          if (persons.chronicIllness[k] !== group) wrong++;
        }
        if (persons.disabilityGrade[k]) {
          disabled++;
          at = i;
          grades[persons.disabilityGrade[k]! - 1]!++;
        }
      }
      const expected = group === 0 ? [0, 0] : group === 3 ? [0, 1] : [1, 0];
      if (chronic !== expected[0] || disabled !== expected[1]) wrong++;
      if (at >= 0 && (hh.size[h] === 2 || hh.size[h] === 3)) positions[hh.size[h]! - 2]![at]!++;
    }
    expect(wrong).toBe(0);
    expect(chiSquare(positions[0]!, [0.5, 0.5])).toBeLessThan(chiSquareBound(1));
    expect(chiSquare(positions[1]!, [1 / 3, 1 / 3, 1 / 3])).toBeLessThan(chiSquareBound(2));
    expect(chiSquare(grades, new Array(10).fill(0.1))).toBeLessThan(chiSquareBound(9));
  });

  it('the assessment score is need by illness, lowered by income, plus uniform noise of width 0.15', () => {
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let h = 0; h < hh.count; h++) {
      const score = hh.assessmentScore[h]!;
      if (!(score >= 0 && score <= 1)) outside++;
      const perPerson = hh.incomeFen[h]! / hh.size[h]! / 100;
      const noise = score - 0.6 * SEVERITY[hh.illnessGroup[h]!]! - 0.25 * (1 - Math.min(1, perPerson / (2 * p.dibaoStandardYuan)));
      // Float32 storage and whole-fen incomes leave a little slack.
      if (noise < -1e-4 || noise > 0.15 + 1e-4) outside++;
      n++;
      sum += noise;
      sumSq += noise * noise;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    expect(Math.abs(mean - 0.075)).toBeLessThan(4.5 * Math.sqrt(0.15 ** 2 / 12 / n));
    expect(Math.abs((sumSq / n - mean * mean) / (0.15 ** 2 / 12) - 1)).toBeLessThan(0.05);
  });
});
