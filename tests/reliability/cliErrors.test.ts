import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from './helpers.js';
import { captureOutput } from '../helpers/captureOutput.js';

/**
 * Error messages users can act on (issue 10, item 6): every bad input a user can give the
 * command line, with the message it must print, exit code 2, and no stack trace unless
 * --debug. Runs `main` in-process (the bin script only adds the EPIPE handler), so each
 * case costs milliseconds; tests/reliability/cliProcess.test.ts checks the real binary.
 */

const { dir, cleanup } = tempDir('cli');
afterAll(cleanup);
writeFileSync(join(dir, 'a-file'), 'x');
mkdirSync(join(dir, 'a-folder'));
// A one-point sweep, and an --out folder that holds something else.
writeFileSync(join(dir, 'tiny.yaml'), `name: tiny\nbase: ${join(process.cwd(), 'scenarios/baseline-2016.yaml')}\nreplications: 1\nseed: 1\nvary:\n  population.dibao.households: [10]\nmetrics: [population.households]\n`);
mkdirSync(join(dir, 'other-sweep'));
writeFileSync(join(dir, 'other-sweep', 'sweep.json'), '{"format": "wuhou-sim.sweep/1", "fingerprint": "not this one"');

const io = captureOutput();

const R = 'tests/fixtures/roster';
const G = 'tests/fixtures/reliability';
const S = 'tests/fixtures/scenarios';

/** [what the user did, argv, the message stderr must hold]. Each is a bad input: exit 2, no trace. */
export const BAD_INPUTS: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
  ['no command', [], /^$/],
  ['an unknown command', ['nonsense'], /^unknown command "nonsense"; commands: run, validate, params/],
  ['an unknown flag', ['run', '--bogus'], /^Unknown option '--bogus'\. \(wuhou-sim run --help lists its options\)$/m],
  ['a flag without its value', ['run', '--reps'], /^Option '--reps <value>' argument missing \(wuhou-sim run --help lists its options\)$/m],
  ['zero replications', ['run', '--reps', '0'], /^--reps: expected a whole number from 1 to 100000, got 0$/m],
  ['a fractional count', ['run', '--reps', '1.5'], /^--reps: expected a whole number, got "1\.5"$/m],
  ['a seed that is not a number', ['run', '--seed', 'abc'], /^--seed: expected a whole number, got "abc"$/m],
  ['an override without =', ['run', '--set', 'novalue'], /^--set: novalue: an override is path=value \(got "novalue", expected e\.g\. supermarket\.vegetables\.cap=150\)$/m],
  ['an override of an unknown path', ['run', '--set', 'supermarket.vegetable.cap=1'], /^--set: supermarket\.vegetable\.cap: unknown key \(expected one of vegetables, staples, subsidy/m],
  ['an override out of range', ['run', '--set', 'supermarket.vegetables.cap=-5'], /^--set: supermarket\.vegetables\.cap: out of range \(got -5, expected a number ≥ 0\)$/m],
  ['an override of the wrong type', ['run', '--set', 'supermarket.capBasis=7'], /^--set: supermarket\.capBasis: not an allowed value \(got 7, expected one of paid, market\)$/m],
  ['a prototype path', ['run', '--set', '__proto__.polluted=1'], /^--set: __proto__\.polluted: uses the forbidden segment "__proto__"/m],
  ['a YAML tag in an override', ['run', '--set', 'supermarket.vegetables.cap=!!js/function x'], /^--set(:1:1)?: supermarket\.vegetables\.cap: tags are not allowed/m],
  ['a missing scenario file', ['run', 'nope.yaml'], /^nope\.yaml: \(top level\): file not found$/m],
  ['a folder as scenario', ['run', join(dir, 'a-folder')], /a-folder: \(top level\): not a regular file \(expected a scenario file \(\.yaml\)\)$/m],
  ['a device as scenario', ['run', '/dev/zero'], /^\/dev\/zero: \(top level\): not a regular file/m],
  ['a YAML syntax error', ['run', `${S}/bad-syntax.yaml`], /^tests\/fixtures\/scenarios\/bad-syntax\.yaml:\d+:\d+: \(top level\): YAML syntax: /m],
  ['an extends cycle', ['run', `${S}/bad-cycle-a.yaml`], /bad-cycle-b\.yaml: extends: extends cycle \(got ".*bad-cycle-a\.yaml → .*bad-cycle-b\.yaml → .*bad-cycle-a\.yaml"/m],
  ['a wrong unit', ['run', `${S}/bad-unit.yaml`], /bad-unit\.yaml: supermarket\.vegetables\.cap\.unit: wrong unit \(got "fen", expected yuan\/month\)/m],
  ['half a roster', ['run', '--households', `${R}/households.csv`], /^--households and --persons go together: a roster is two CSV files$/m],
  ['an encoding without a roster', ['run', '--encoding', 'gb18030'], /^--encoding applies to a roster: give it with --households and --persons$/m],
  ['an unknown encoding', ['run', '--households', `${R}/households.csv`, '--persons', `${R}/persons.csv`, '--encoding', 'latin1'], /^--encoding: \(top level\): unsupported encoding \(got "latin1", expected utf-8 or gb18030/m],
  ['a GB18030 roster read as UTF-8', ['run', '--households', `${G}/households-gb18030.csv`, '--persons', `${G}/persons-gb18030.csv`], /households-gb18030\.csv:2:5: \(top level\): not valid UTF-8 text \(if it was saved as GB18030\/GBK, add --encoding gb18030\)$/m],
  ['a roster with bad cells', ['run', '--households', `${R}/bad-dup-households.csv`, '--persons', `${R}/persons.csv`], /bad-dup-households\.csv:3:1: id: duplicate household id \(got 1, expected each id once\)/m],
  ['a roster person of no household', ['run', '--households', `${R}/households.csv`, '--persons', `${R}/bad-persons.csv`], /bad-persons\.csv:4:1: householdId: person points to a missing household \(got 9/m],
  ['a missing roster file', ['run', '--households', 'none.csv', '--persons', `${R}/persons.csv`], /^none\.csv: \(top level\): file not found$/m],
  ['--out below a file', ['run', '--reps', '1', '--out', join(dir, 'a-file', 'sub')], /^cannot create the folder .*a-file\/sub: a part of the path is a file, not a folder$/m],
  ['validate without files', ['validate'], /^validate: name at least one scenario file$/m],
  ['params with an unknown flag', ['params', '--bogus'], /^Unknown option '--bogus'\. \(wuhou-sim params --help lists its options\)$/m],
  ['compare without files', ['compare'], /^compare: name a baseline and a reform scenario file/m],
  ['compare with a missing reform', ['compare', 'scenarios/baseline-2016.yaml', 'nope.yaml'], /^nope\.yaml: \(top level\): file not found$/m],
  ['sweep without a file', ['sweep'], /^sweep: name one sweep file/m],
  ['a missing sweep file', ['sweep', 'nope.yaml'], /^nope\.yaml: \(top level\): file not found/m],
  ['--resume into a folder of another sweep', ['sweep', join(dir, 'tiny.yaml'), '--workers', '1', '--out', join(dir, 'other-sweep'), '--resume'], /other-sweep holds a different sweep \(sweep\.json is not valid JSON/m],
  ['merging folders that hold no sweep', ['sweep', 'merge', join(dir, 'a-folder')], /a-folder/],
  ['a missing frontier file', ['frontier', 'nope.yaml'], /^nope\.yaml: \(top level\): file not found/m],
  ['report of a missing scenario', ['report', 'nope.yaml'], /^nope\.yaml: \(top level\): file not found$/m],
  ['calibrate with a missing targets file', ['calibrate', '--targets', 'nope.csv'], /nope\.csv/],
  ['explain without a metric', ['explain'], /^explain needs a metric id/m],
  ['explain of an unknown metric', ['explain', 'nope.metric'], /^unknown metric "nope\.metric"; metrics: population\.households/m],
  ['sensitivity with an unknown flag', ['sensitivity', '--bogus'], /^Unknown option '--bogus'\. \(wuhou-sim sensitivity --help lists its options\)$/m],
];

describe('bad input: exit 2, a message that says what to fix, no stack trace', () => {
  it.each(BAD_INPUTS)('%s', async (_what, argv, message) => {
    const code = await main([...argv]);
    expect(code, io.err).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.err).not.toMatch(/\n\s+at /);
    expect(io.err).not.toMatch(/internal error/);
  });

  it('validate prints one line per problem on stdout and exits 2', async () => {
    expect(await main(['validate', `${S}/bad-many.yaml`, join(dir, 'a-folder')])).toBe(2);
    expect(io.out.trim().split('\n')).toEqual([
      expect.stringMatching(/bad-many\.yaml: supermarket\.vegetables\.capp: unknown key/),
      expect.stringMatching(/bad-many\.yaml: supermarket\.vegetables\.priceFactor: out of range \(got 1\.4/),
      expect.stringMatching(/bad-many\.yaml: supermarket\.staples\.cap: wrong type \(got "lots"/),
      expect.stringMatching(/bad-many\.yaml: supermarket\.subsidy\.monthlyYuan: out of range \(got -60/),
      expect.stringMatching(/a-folder: \(top level\): not a regular file/),
    ]);
  });

  it('--debug adds the stack trace, before or after the command name', async () => {
    expect(await main(['run', '--reps', '0', '--debug'])).toBe(2);
    expect(io.err).toMatch(/--reps: expected a whole number from 1 to 100000, got 0\nUsageError: .*\n\s+at /);
    io.err = '';
    expect(await main(['--debug', 'run', '--set', 'supermarket.vegetables.cap=-5'])).toBe(2);
    expect(io.err).toMatch(/out of range[\s\S]*\n\s+at /);
  });
});
