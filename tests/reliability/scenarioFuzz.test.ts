import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parameterPaths } from '../../src/scenario/catalogue.js';
import { ScenarioError } from '../../src/scenario/issues.js';
import { loadScenario } from '../../src/scenario/load.js';
import { applyDocEdit, applyTextEdit, defineOwn, toYaml } from './docEdits.js';
import { chainEnd, docEdit, textEdit, wildValue, type ChainEnd, type DocEdit, type TextEdit } from './fuzzArbitraries.js';
import { BASELINE, issueDefects, nonFiniteValues, prototypePollution, schemaViolations, tempDir } from './helpers.js';

/**
 * Scenario fuzzing (issue 10, item 1): fast-check writes mutated scenario files to a temp
 * folder (wrong types, missing and unknown keys, extreme numbers, wrong units, hostile keys,
 * huge lists, broken text and bytes, long `extends` chains and cycles) and loads them.
 * Each must either validate, with finite values that pass their own schemas, or throw a
 * ScenarioError whose every issue names a file and a path (or, for the file as a whole,
 * a line or a file-level reason). Nothing else may escape, take long, or touch a prototype.
 */

/** Cases per property; FUZZ_RUNS=5000 for a long campaign. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 90);
/**
 * Far above any real load (a few ms; the largest hostile file well under a second on an idle
 * machine), with room for a CI machine shared by several jobs: a case this slow is a hang.
 */
const MAX_CASE_MS = 8000;
/** Long campaigns (FUZZ_RUNS) get time in proportion. */
const TIMEOUT_MS = Math.max(120_000, RUNS * 1000);
const BASE_DOC = parse(readFileSync(BASELINE, 'utf8')) as Record<string, unknown>;
const BASE_ABS = resolve(BASELINE);
const CATALOGUE_PATHS = parameterPaths();

const { dir, cleanup } = tempDir('fuzz');
mkdirSync(join(dir, 'a-folder.yaml'));
writeFileSync(join(dir, 'roster.csv'), 'id,subdistrict\n1,2\n');
afterAll(cleanup);

const counts = { cases: 0, valid: 0, rejected: 0, issues: 0 };
afterAll(() => {
  console.log(`scenario fuzz: ${counts.cases} cases, ${counts.valid} valid, ${counts.rejected} rejected with ${counts.issues} issues`);
});

let caseNo = 0;

interface FuzzCase {
  /** Full mutated baseline, or a small overlay that extends a chain ending at the baseline. */
  mode: 'full' | 'overlay';
  edits: DocEdit[];
  overlay: Array<[number, unknown]>;
  textEdits: TextEdit[];
  chain: number;
  end: ChainEnd;
  replaceDoc?: unknown;
}

const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record(
  {
    mode: fc.constantFrom('full' as const, 'overlay' as const),
    edits: fc.array(docEdit, { minLength: 0, maxLength: 6 }),
    overlay: fc.array(fc.tuple(fc.nat(), wildValue), { maxLength: 3 }),
    textEdits: fc.oneof({ weight: 4, arbitrary: fc.constant<TextEdit[]>([]) }, { weight: 1, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 2 }) }),
    chain: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 30, max: 36 }) }),
    end: chainEnd,
    replaceDoc: fc.oneof({ weight: 30, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(null, [], 'text', 42, [BASE_DOC]) }),
  },
  { requiredKeys: ['mode', 'edits', 'overlay', 'textEdits', 'chain', 'end'] },
);

/** Writes the case's files; returns the head file to load. */
function writeCase(c: FuzzCase): string {
  const id = `c${caseNo++}`;
  const file = (i: number) => join(dir, `${id}-${i}.yaml`);
  // Chain: head (0) extends 1 extends … extends `chain`, which extends the end.
  const endTarget: Record<ChainEnd, string> = {
    baseline: BASE_ABS,
    cycle: file(Math.floor(c.chain / 2)),
    self: file(c.chain),
    missing: join(dir, 'no-such-file.yaml'),
    folder: join(dir, 'a-folder.yaml'),
    device: '/dev/zero',
    notYaml: join(dir, 'roster.csv'),
  };
  for (let i = c.chain; i >= 1; i--) writeFileSync(file(i), toYaml({ extends: i === c.chain ? endTarget[c.end] : file(i + 1) }));
  let doc: Record<string, unknown>;
  if (c.mode === 'full') {
    doc = structuredClone(BASE_DOC);
    if (c.chain > 0) doc.extends = file(1);
  } else {
    doc = { extends: c.chain > 0 ? file(1) : endTarget[c.end] };
    for (const [pick, value] of c.overlay) {
      const path = CATALOGUE_PATHS[pick % CATALOGUE_PATHS.length]!;
      defineOwn(doc, path, value);
    }
  }
  for (const e of c.edits) applyDocEdit(doc, e);
  let bytes = Buffer.from(toYaml(c.replaceDoc === undefined ? doc : c.replaceDoc), 'utf8');
  for (const t of c.textEdits) bytes = applyTextEdit(bytes, t);
  writeFileSync(file(0), bytes);
  return file(0);
}

/** Loads a case and checks the outcome; returns a list of what went wrong (empty = fine). */
function check(file: string): string[] {
  const t0 = performance.now();
  const problems: string[] = [];
  counts.cases++;
  try {
    const s = loadScenario(file);
    counts.valid++;
    problems.push(...nonFiniteValues(s.values).map((p) => `non-finite value ${p}`));
    problems.push(...schemaViolations(s.values).map((p) => `validated value fails its schema: ${p}`));
  } catch (e) {
    if (!(e instanceof ScenarioError)) return [`unexpected ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}\n${(e as Error)?.stack}`];
    counts.rejected++;
    counts.issues += e.issues.length;
    if (!e.issues.length) problems.push('ScenarioError without issues');
    for (const i of e.issues) problems.push(...issueDefects(i));
  }
  const ms = performance.now() - t0;
  if (ms > MAX_CASE_MS) problems.push(`took ${ms.toFixed(0)} ms`);
  problems.push(...prototypePollution().map((k) => `Object.prototype polluted: ${k}`));
  return problems;
}

describe('scenario fuzzing', () => {
  it('every mutated file validates cleanly or is rejected with located issues', () => {
    fc.assert(
      fc.property(fuzzCase, (c) => {
        const problems = check(writeCase(c));
        expect(problems).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20161), endOnFailure: true },
    );
  }, TIMEOUT_MS);

  it('a fresh seed each run finds nothing either (the seed is printed on failure)', () => {
    fc.assert(
      fc.property(fuzzCase, (c) => {
        expect(check(writeCase(c))).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 3), endOnFailure: true },
    );
  }, TIMEOUT_MS);

  it('sanity: the unmutated baseline is among the outcomes that validate', () => {
    expect(check(BASE_ABS)).toEqual([]);
    expect(counts.valid).toBeGreaterThan(0);
    expect(counts.rejected).toBeGreaterThan(0);
  });
});
