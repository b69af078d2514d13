import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { validationProblem as problem } from '../helpers/baseline.js';


describe('bad pairing input gets a clear error naming the path', () => {
  it('a donor type with a negative pledge', () => {
    const m = problem({ 'pairing.donors.company.monthlyPledgeYuan': -5000 });
    expect(m).toContain('pairing.donors.company.monthlyPledgeYuan');
    expect(m).toContain('out of range');
    expect(m).toContain('-5000');
  });

  it('a negative number of places, arrivals or need', () => {
    expect(problem({ 'pairing.pledges.placesPerPledge': -1 })).toContain('pairing.pledges.placesPerPledge');
    expect(problem({ 'pairing.donors.individual.arrivalsPerMonth': -0.5 })).toContain('pairing.donors.individual.arrivalsPerMonth');
    expect(problem({ 'pairing.needs.living.meanMonthlyYuan': -1 })).toContain('pairing.needs.living.meanMonthlyYuan');
  });

  it('reliability outside [0, 1]', () => {
    for (const v of [1.2, -0.1]) {
      const m = problem({ 'pairing.donors.volunteerTeam.reliability': v });
      expect(m).toContain('pairing.donors.volunteerTeam.reliability');
      expect(m).toContain('out of range');
    }
    expect(problem({ 'pairing.monitoring.detectionRate': 2 })).toContain('pairing.monitoring.detectionRate');
  });

  it('unknown need types', () => {
    const listed = problem({ 'pairing.preferences.needTypes': ['medical', 'housing'] });
    expect(listed).toContain('pairing.preferences.needTypes');
    expect(listed).toContain('housing');
    expect(listed).toMatch(/medical, schooling, living, employment/);
    const keyed = problem({ 'pairing.needs.housing': { weight: 1, meanMonthlyYuan: 500, cv: 0.5 } });
    expect(keyed).toContain('pairing.needs.housing');
    expect(keyed).toContain('unknown key');
    // Employment needs are met by places, so money donors cannot prefer them.
    expect(problem({ 'pairing.preferences.needTypes': ['employment'] })).toContain('money pledges cannot prefer employment');
  });

  it('a matching form that is not one of the three', () => {
    const m = problem({ 'pairing.forms': ['oneToOne', 'oneToFew'] });
    expect(m).toContain('pairing.forms');
    expect(m).toContain('oneToFew');
    expect(m).toMatch(/oneToOne, oneToMany, manyToOne/);
    expect(problem({ 'pairing.forms': [] })).toContain('no pairing form in use');
    expect(problem({ 'pairing.forms': ['oneToOne', 'oneToOne'] })).toContain('names an item twice');
    expect(problem({ 'pairing.policy': 'random' })).toContain('pairing.policy');
  });

  it('rules across parameters', () => {
    expect(problem({ 'pairing.matching.pairedShare': 0.9, 'pairing.matching.coverageTarget': 0.6 })).toContain('pairing.matching.pairedShare');
    expect(problem({ 'pairing.pledges.pairingShare': 0.7, 'pairing.pledges.goodsShare': 0.5 })).toContain('pairing.pledges.goodsShare');
    expect(problem({ 'pairing.window.from': '2015-06', 'pairing.window.to': '2015-01' })).toContain('pairing.window.to');
    expect(problem({ 'pairing.needs.medical.weight': 0, 'pairing.needs.schooling.weight': 0, 'pairing.needs.living.weight': 0, 'pairing.needs.employment.weight': 0 })).toContain('all need-type weights are zero');
  });

  it('no donors or no families is valid input', () => {
    expect(problem({ 'pairing.donors.company.arrivalsPerMonth': 0, 'pairing.donors.socialOrganisation.arrivalsPerMonth': 0, 'pairing.donors.volunteerTeam.arrivalsPerMonth': 0, 'pairing.donors.individual.arrivalsPerMonth': 0 })).toBe('');
    expect(problem({ 'pairing.needs.eligibleCategories': [] })).toBe('');
  });

  it('errors from a file name the file and the path', () => {
    expect(() => loadScenario('scenarios/baseline-2016.yaml', { set: ['pairing.donors.company.reliability=1.5'] })).toThrow(/--set: pairing\.donors\.company\.reliability: out of range/);
  });
});
