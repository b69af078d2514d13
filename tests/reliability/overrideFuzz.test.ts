import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parameterPaths } from '../../src/scenario/catalogue.js';
import { ScenarioError } from '../../src/scenario/issues.js';
import { loadScenario, withOverrides } from '../../src/scenario/load.js';
import { hostileKey, hostileText, wildValue } from './fuzzArbitraries.js';
import { BASELINE, issueDefects, nonFiniteValues, prototypePollution, schemaViolations } from './helpers.js';

/**
 * Override fuzzing (issue 10, items 1 and 5): `--set path=value` text and programmatic
 * overrides (what sweeps' `vary:` and the API use) with hostile paths and values. Each
 * either validates with finite values or is refused with issues that name the path;
 * nothing else is thrown and no prototype is touched.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 90);
const base = loadScenario(BASELINE);
const PATHS = parameterPaths();
const counts = { cases: 0, valid: 0, rejected: 0 };
afterAll(() => console.log(`override fuzz: ${counts.cases} cases, ${counts.valid} valid, ${counts.rejected} rejected`));

/** A parameter path, or one bent out of shape: a segment swapped, added, dropped or emptied. */
const path = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PATHS) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...PATHS), fc.nat(), hostileKey, fc.constantFrom('swap', 'append', 'drop', 'prefix')).map(([p, at, key, how]) => {
      const parts = p.split('.');
      const i = at % parts.length;
      if (how === 'swap') parts[i] = key;
      else if (how === 'append') parts.push(key);
      else if (how === 'drop') parts.splice(i, 1);
      else parts.unshift(key);
      return parts.join('.');
    }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** The text after `=` in --set: YAML scalars and flow lists, well or badly formed. */
const setText = fc.oneof(
  hostileText,
  fc.constantFrom('.nan', '.inf', '-.inf', '1e400', '-0', '0x1F', '[1, 2', '{a: 1}', '!!js/function f', '&a [*a]', '"unterminated', '[[[[[[]]]]]]', '', '~', 'null', '[1,1,1,1,1,1,1,1,1,1,1,1,1]', '2013-02', '{__proto__: {polluted: 1}}'),
  wildValue.map((v) => JSON.stringify(v) ?? 'null'),
);

function checkOutcome(run: () => unknown): string[] {
  counts.cases++;
  const problems: string[] = [];
  try {
    const s = run() as { values: unknown };
    counts.valid++;
    problems.push(...nonFiniteValues(s.values), ...schemaViolations(s.values));
  } catch (e) {
    if (!(e instanceof ScenarioError)) return [`unexpected ${(e as Error)?.name}: ${(e as Error)?.message}`];
    counts.rejected++;
    for (const i of e.issues) problems.push(...issueDefects(i));
  }
  return [...problems, ...prototypePollution()];
}

describe('override fuzzing', () => {
  it('--set path=value: validates cleanly or names the path', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(path, setText), { minLength: 1, maxLength: 3 }), (sets) => {
        expect(checkOutcome(() => loadScenario(BASELINE, { set: sets.map(([p, v]) => `${p}=${v}`) }))).toEqual([]);
      }),
      { numRuns: RUNS, seed: 31 },
    );
  });

  it('programmatic overrides (sweeps, API): validates cleanly or names the path', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(path, wildValue), { minLength: 1, maxLength: 3 }), (pairs) => {
        const overrides: Record<string, unknown> = {};
        for (const [p, v] of pairs) Object.defineProperty(overrides, p, { value: v, enumerable: true, configurable: true, writable: true });
        expect(checkOutcome(() => withOverrides(base, overrides))).toEqual([]);
        expect(checkOutcome(() => withOverrides(base, new Map(pairs)))).toEqual([]);
      }),
      { numRuns: RUNS, seed: 32 },
    );
  });
});
