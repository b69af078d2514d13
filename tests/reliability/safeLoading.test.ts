import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadScenario, MAX_EXTENDS_DEPTH, MAX_FILE_BYTES, withOverrides } from '../../src/scenario/load.js';
import { MAX_FLOW_NESTING, MAX_INDENT, MAX_VALUES } from '../../src/scenario/safeYaml.js';
import { BASELINE, messagesOf, prototypePollution, tempDir } from './helpers.js';

/**
 * Safe loading (issue 10, item 5): a scenario file from someone else cannot run code (tags),
 * exhaust memory or time (aliases, nesting, size, devices), pollute a prototype, or loop
 * (extends cycles, also through symlinks). Each refusal is asserted by its message.
 */

const { dir, cleanup } = tempDir('safe');
afterAll(cleanup);
afterEach(() => {
  expect(prototypePollution()).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const BASE = resolve(BASELINE);
let n = 0;
/** Writes a scenario that extends the baseline with `body`, returns its path. */
function scenario(body: string | Buffer, extendsBaseline = true): string {
  const file = join(dir, `s${n++}.yaml`);
  writeFileSync(file, typeof body === 'string' && extendsBaseline ? `extends: ${BASE}\n${body}` : body);
  return file;
}
const load = (file: string) => messagesOf(() => loadScenario(file));
/** Milliseconds a call takes. */
function timed(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

describe('YAML features a scenario must not use', () => {
  it.each([
    ['!!js/function "return 1"', 'tag:yaml.org,2002:js/function'],
    ['!custom 100', '!custom'],
    ['!!binary aGVsbG8=', 'tag:yaml.org,2002:binary'],
    ['!!str 100', 'tag:yaml.org,2002:str'],
    ['!!float 100', 'tag:yaml.org,2002:float'],
  ])('refuses the tag in "cap: %s"', (value, tag) => {
    const m = load(scenario(`supermarket:\n  vegetables:\n    cap: ${value}\n`));
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/s\d+\.yaml:4:\d+: \(top level\): tags are not allowed/);
    expect(m[0]).toContain(`(got "${tag}", expected plain values (no !tag))`);
  });

  it('refuses a tag on a collection (!!set) and in a --set value', () => {
    expect(load(scenario('supermarket:\n  cards:\n    eligibleCategories: !!set {dibao}\n'))[0]).toMatch(/:4:\d+: \(top level\): tags are not allowed \(got "tag:yaml.org,2002:set"/);
    expect(messagesOf(() => loadScenario(BASELINE, { set: ['supermarket.vegetables.cap=!!js/function x'] }))[0]).toMatch(/^--set(:1:1)?: supermarket\.vegetables\.cap: tags are not allowed/);
  });

  it('bounds alias expansion (billion laughs) and answers fast', () => {
    let m: string[] = [];
    expect(timed(() => (m = load('tests/fixtures/scenarios/bad-alias-bomb.yaml')))).toBeLessThan(2000);
    expect(m).toEqual([expect.stringMatching(/bad-alias-bomb\.yaml: \(top level\): YAML could not be read: Excessive alias count/)]);
  });

  it('refuses an alias inside the value it names (a circular value)', () => {
    expect(load(scenario('population:\n  subdistrictWeights: &w [1, *w]\n'))).toEqual([expect.stringMatching(/:3:\d+: \(top level\): an alias may not refer to a value that contains it \(got "\*w"\)/)]);
  });

  it('refuses keys that are aliases (they would overwrite another key silently) or collections', () => {
    expect(load(scenario('supermarket:\n  vegetables:\n    ? &k cap\n    : 100\n    *k : 150\n'))).toEqual([expect.stringMatching(/:6:5: \(top level\): keys must be plain words, not aliases/)]);
    expect(load(scenario('? [1, 2]\n: 3\n'))).toEqual([expect.stringMatching(/:2:3: \(top level\): keys must be plain words, not lists or mappings/)]);
  });

  it('refuses duplicate keys, several documents, and merge keys', () => {
    expect(load(scenario('supermarket:\n  vegetables:\n    cap: 100\n    cap: 150\n'))[0]).toMatch(/:5:5: \(top level\): YAML syntax: Map keys must be unique/);
    expect(load(scenario('name: a\n---\nname: b\n'))[0]).toMatch(/:3:1: \(top level\): YAML syntax: Source contains multiple documents/);
    expect(load(scenario('base: &b {cap: 150}\nsupermarket:\n  vegetables:\n    <<: *b\n'))).toEqual([
      expect.stringMatching(/: base: unknown key \(expected one of name, title, description, extends, simulation/),
      expect.stringMatching(/: supermarket\.vegetables\.<<: unknown key \(expected one of priceFactor, cap under supermarket\.vegetables\)/),
    ]);
  });

  it('refuses nesting deep enough to exhaust the parser, before parsing, in well under a second', () => {
    const deepFlow = scenario(`population:\n  subdistrictWeights: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    let m: string[] = [];
    expect(timed(() => (m = load(deepFlow)))).toBeLessThan(1000);
    // Line 3, at the first bracket beyond the limit: "  subdistrictWeights: " is 22 columns.
    expect(m).toEqual([expect.stringMatching(new RegExp(`:3:${23 + MAX_FLOW_NESTING}: \\(top level\\): YAML too large: nested more than ${MAX_FLOW_NESTING} levels deep`))]);
    let deepBlock = '';
    for (let i = 0; i < 400; i++) deepBlock += `${' '.repeat(i)}k${i}:\n`;
    expect(load(scenario(deepBlock))).toEqual([expect.stringMatching(new RegExp(`:${MAX_INDENT + 3}:${MAX_INDENT + 1}: \\(top level\\): YAML too large: indented more than ${MAX_INDENT} columns`))]);
  });

  it(`refuses more than ${MAX_VALUES} values (the parser needs seconds for them)`, () => {
    const many = scenario(`population:\n  subdistrictWeights: [${new Array(MAX_VALUES + 10).fill(1).join(',')}]\n`);
    let m: string[] = [];
    expect(timed(() => (m = load(many)))).toBeLessThan(1000);
    expect(m).toEqual([expect.stringMatching(new RegExp(`:3:\\d+: \\(top level\\): YAML too large: more than ${MAX_VALUES} lines and list items`))]);
  });

  it('does not count brackets inside quotes or comments', () => {
    const s = loadScenario(scenario(`title: "${'['.repeat(100)}"\ndescription: '${'{'.repeat(100)}'  # ${'['.repeat(100)}\n`));
    expect(s.title).toBe('['.repeat(100));
  });
});

describe('what a scenario file may be', () => {
  it('refuses folders, devices and files above the size limit, without reading them', () => {
    mkdirSync(join(dir, 'folder.yaml'));
    expect(load(join(dir, 'folder.yaml'))).toEqual([expect.stringMatching(/folder\.yaml: \(top level\): not a regular file \(expected a scenario file \(\.yaml\)\)/)]);
    let m: string[] = [];
    expect(timed(() => (m = load('/dev/zero')))).toBeLessThan(1000);
    expect(m).toEqual(['/dev/zero: (top level): not a regular file (expected a scenario file (.yaml))']);
    const big = scenario(`description: "${'x'.repeat(MAX_FILE_BYTES)}"\n`);
    expect(load(big)).toEqual([expect.stringMatching(new RegExp(`: \\(top level\\): file too large \\(got "more than ${MAX_FILE_BYTES} bytes", expected at most ${MAX_FILE_BYTES} bytes\\)`))]);
  });

  it('refuses bytes that are not UTF-8, with their line and column, and UTF-16 files', () => {
    const bad = scenario(Buffer.concat([Buffer.from(`extends: ${BASE}\ntitle: caf`), Buffer.from([0xe9]), Buffer.from('\n')]), false);
    expect(load(bad)).toEqual([expect.stringMatching(/s\d+\.yaml:2:11: \(top level\): not valid UTF-8 text \(expected UTF-8 text \(save it as UTF-8\)\)/)]);
    const utf16 = scenario(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`extends: ${BASE}\n`, 'utf16le')]), false);
    expect(load(utf16)).toEqual([expect.stringMatching(/: \(top level\): the file is UTF-16 text \(expected UTF-8 text/)]);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const file = scenario(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`extends: ${BASE}\nname: bom\n`)]), false);
    expect(loadScenario(file).name).toBe('bom');
  });

  it('an empty file or a file of a single value is not a scenario', () => {
    expect(load(scenario('', false))).toEqual([expect.stringMatching(/: \(top level\): a scenario file must be a mapping of keys to values \(got null, expected key: value lines\)/)]);
    expect(load(scenario('- 1\n- 2\n', false))).toEqual([expect.stringMatching(/: \(top level\): a scenario file must be a mapping of keys to values \(got \[1,2\]/)]);
  });
});

describe('prototype pollution', () => {
  it.each([
    ['__proto__:\n  polluted: true\n', /: __proto__: uses the forbidden segment "__proto__"/],
    ['supermarket:\n  __proto__:\n    polluted: true\n', /: supermarket\.__proto__: uses the forbidden segment "__proto__"/],
    ['constructor:\n  prototype:\n    polluted: true\n', /: constructor: uses the forbidden segment "constructor"/],
    ['"supermarket.constructor.prototype.polluted": 1\n', /: supermarket\.constructor\.prototype\.polluted: uses the forbidden segment "constructor"/],
    ['supermarket:\n  vegetables:\n    cap: {value: 100, __proto__: {polluted: true}}\n', /: supermarket\.vegetables\.cap: a parameter takes a value, or \{ value, note, unit \}/],
    ['prototype: 1\n', /: prototype: uses the forbidden segment "prototype"/],
  ])('refuses %j in a file', (body, message) => {
    expect(load(scenario(body))).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['__proto__.polluted=1', /--set: __proto__\.polluted: uses the forbidden segment "__proto__"/],
    ['supermarket.__proto__.polluted=1', /--set: supermarket\.__proto__\.polluted: uses the forbidden segment "__proto__"/],
    ['constructor.prototype.polluted=1', /--set: constructor\.prototype\.polluted: uses the forbidden segment "constructor"/],
    ['supermarket.vegetables.cap.__proto__=1', /--set: supermarket\.vegetables\.cap\.__proto__: uses the forbidden segment "__proto__"/],
    ['supermarket.vegetables={"__proto__": {"polluted": 1}, "cap": 5}', /--set: supermarket\.vegetables\.__proto__: uses the forbidden segment "__proto__"/],
    ['population..households=1', /--set: population\.\.households: has an empty segment/],
  ])('refuses --set %s', (set, message) => {
    expect(messagesOf(() => loadScenario(BASELINE, { set: [set] }))).toEqual([expect.stringMatching(message)]);
  });

  it('refuses prototype keys in programmatic overrides (JSON with an own __proto__ key)', () => {
    const base = loadScenario(BASELINE);
    const hostile = JSON.parse('{"__proto__": {"polluted": 1}, "supermarket.constructor.prototype.polluted": 1}') as Record<string, unknown>;
    expect(messagesOf(() => withOverrides(base, hostile))).toEqual([
      expect.stringMatching(/override: __proto__: uses the forbidden segment "__proto__"/),
      expect.stringMatching(/override: supermarket\.constructor\.prototype\.polluted: uses the forbidden segment "constructor"/),
    ]);
    expect(messagesOf(() => loadScenario(BASELINE, { overrides: new Map([['__proto__.polluted', 1]]) }))).toEqual([expect.stringMatching(/override: __proto__\.polluted: uses the forbidden segment/)]);
  });

  it('validated values are plain objects with Object.prototype and no prototype keys', () => {
    const s = loadScenario(BASELINE);
    const walk = (v: unknown): void => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
      expect(Object.keys(v).filter((k) => ['__proto__', 'constructor', 'prototype'].includes(k))).toEqual([]);
      Object.values(v).forEach(walk);
    };
    walk(s.values);
  });
});

describe('extends', () => {
  it('detects a file extending itself, a three-file cycle, and a cycle through a symbolic link', () => {
    const self = join(dir, 'self.yaml');
    writeFileSync(self, 'extends: self.yaml\n');
    expect(load(self)).toEqual([expect.stringMatching(/self\.yaml: extends: extends cycle \(got ".*self\.yaml → .*self\.yaml"/)]);
    for (const [a, b] of [['c1', 'c2'], ['c2', 'c3'], ['c3', 'c1']]) writeFileSync(join(dir, `${a}.yaml`), `extends: ${b}.yaml\n`);
    expect(load(join(dir, 'c1.yaml'))).toEqual([expect.stringMatching(/c3\.yaml: extends: extends cycle \(got ".*c1\.yaml → .*c2\.yaml → .*c3\.yaml → .*c1\.yaml"/)]);
    writeFileSync(join(dir, 'real.yaml'), 'extends: link.yaml\n');
    symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
    expect(load(join(dir, 'real.yaml'))).toEqual([expect.stringMatching(/real\.yaml: extends: extends cycle \(got ".*real\.yaml → .*link\.yaml"/)]);
  });

  it(`stops a chain of more than ${MAX_EXTENDS_DEPTH} files, and loads one of exactly ${MAX_EXTENDS_DEPTH}`, () => {
    for (let i = 0; i < MAX_EXTENDS_DEPTH + 5; i++) writeFileSync(join(dir, `d${i}.yaml`), `extends: d${i + 1}.yaml\n`);
    writeFileSync(join(dir, `d${MAX_EXTENDS_DEPTH + 5}.yaml`), `extends: ${BASE}\n`);
    const last = MAX_EXTENDS_DEPTH - 1;
    expect(load(join(dir, 'd0.yaml'))).toEqual([
      expect.stringMatching(new RegExp(`d${last}\\.yaml: extends: extends chain longer than ${MAX_EXTENDS_DEPTH} files \\(got ".*d${last + 1}\\.yaml", expected at most ${MAX_EXTENDS_DEPTH} files`)),
    ]);
    // ok30 → ok29 → … → ok0 → baseline: 32 files.
    writeFileSync(join(dir, 'ok0.yaml'), `extends: ${BASE}\n`);
    for (let i = 1; i <= MAX_EXTENDS_DEPTH - 2; i++) writeFileSync(join(dir, `ok${i}.yaml`), `extends: ok${i - 1}.yaml\n`);
    expect(loadScenario(join(dir, `ok${MAX_EXTENDS_DEPTH - 2}.yaml`)).values.supermarket.vegetables.cap).toBe(100);
  });

  it('names the extending file when the extended one is missing, a folder, a device or not text', () => {
    mkdirSync(join(dir, 'afolder'));
    expect(load(scenario('extends: afolder\n', false))).toEqual([expect.stringMatching(/s\d+\.yaml: extends: not a regular file \(got ".*afolder"/)]);
    expect(load(scenario('extends: /dev/zero\n', false))).toEqual([expect.stringMatching(/s\d+\.yaml: extends: not a regular file \(got "\/dev\/zero"/)]);
    expect(load(scenario('extends: nothing-here.yaml\n', false))).toEqual([expect.stringMatching(/s\d+\.yaml: extends: file not found \(got ".*nothing-here\.yaml", expected an existing scenario file\)/)]);
    expect(load(scenario('extends: [a.yaml, b.yaml]\n', false))).toEqual([expect.stringMatching(/s\d+\.yaml: extends: extends must name one scenario file \(got \["a\.yaml","b\.yaml"\], expected a file path relative to this file\)/)]);
    expect(load(scenario("extends: ''\n", false))).toEqual([expect.stringMatching(/s\d+\.yaml: extends: extends must name one scenario file \(got ""/)]);
  });
});

describe('numbers at the edges', () => {
  it('stores −0 as 0 and refuses money beyond a trillion yuan', () => {
    const s = loadScenario(BASELINE, { set: ['supermarket.vegetables.cap=-0', 'population.subdistrictWeights=[-0,1,1,1,1,1,1,1,1,1,1,1,1]'] });
    expect(Object.is(s.values.supermarket.vegetables.cap, 0)).toBe(true);
    expect(Object.is(s.values.population.subdistrictWeights[0], 0)).toBe(true);
    expect(messagesOf(() => loadScenario(BASELINE, { set: ['supermarket.vegetables.cap=1e308'] }))).toEqual(['--set: supermarket.vegetables.cap: out of range: above 1000000000000 (got 1e+308, expected a number ≥ 0)']);
  });

  it.each([
    ['.nan', 'wrong type', 'NaN'],
    ['.inf', 'wrong type', 'Infinity'],
    ['-.inf', 'wrong type', '-Infinity'],
  ])('refuses %s', (yaml, problem, shown) => {
    expect(messagesOf(() => loadScenario(BASELINE, { set: [`supermarket.vegetables.cap=${yaml}`] }))).toEqual([`--set: supermarket.vegetables.cap: ${problem} (got ${shown}, expected a number ≥ 0)`]);
  });

  it('refuses subnormal numbers (they hung a sampler and overflowed spending), keeps 0 and small normal numbers', () => {
    expect(messagesOf(() => loadScenario(BASELINE, { set: ['insurance.stay.lengthDispersion=1e-310'] }))).toEqual([
      '--set: insurance.stay.lengthDispersion: too close to zero to compute with (nonzero numbers must be at least 2.2e-308) (got 1e-310, expected a number > 0 and ≤ 1000)',
    ]);
    expect(messagesOf(() => loadScenario(BASELINE, { set: ['population.subdistrictWeights=[1,1,1,1,1,1,1,1,1,1,1,1,5e-324]'] }))[0]).toMatch(/population\.subdistrictWeights: too close to zero to compute with \(nonzero numbers must be at least 2\.2e-308\) at item 12/);
    expect(loadScenario(BASELINE, { set: ['supermarket.vegetables.cap=0', 'insurance.stay.lengthDispersion=1e-300'] }).values.insurance.stay.lengthDispersion).toBe(1e-300);
  });

  it('refuses a list longer than its limit by saying so', () => {
    expect(messagesOf(() => loadScenario(BASELINE, { set: [`population.subdistrictWeights=[${new Array(10_001).fill(1).join(',')}]`] }))[0]).toMatch(/--set: population\.subdistrictWeights: list too long \(got \[1,1,1,.*\.\.\., expected a list of numbers, each ≥ 0\)/);
  });

  it('refuses a simulation of more than a century and a population beyond any province', () => {
    expect(messagesOf(() => loadScenario(BASELINE, { set: ['simulation.end=2999-01'] }))).toContain('--set: simulation.end: simulation too long (got "11832 months", expected at most 1200 months from simulation.start)');
    expect(messagesOf(() => loadScenario(BASELINE, { set: ['population.dibao.households=200000000'] }))).toContain(
      '--set: population.dibao.households: population too large (got "200003300 households in all", expected at most 100000000 households in all categories together)',
    );
  });
});

