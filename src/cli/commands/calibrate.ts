import { resolve } from 'node:path';
import { join } from 'node:path';
import { checkTargets, targetTable, type TargetCheck } from '../../calibration/checkTargets.js';
import { fitScenario, NothingToFitError, type FitResult } from '../../calibration/fit.js';
import { fittedScenarioText } from '../../calibration/fittedScenarioFile.js';
import { fittableParameters, type FitParameter } from '../../calibration/fittable.js';
import { loadModelTargets } from '../../calibration/modelTargets.js';
import { defaultTargetsPath, type Target } from '../../calibration/targets.js';
import { writeFileAtomic } from '../../core/atomicWrite.js';
import { packageRoot } from '../../core/packageRoot.js';
import { formatNumber, tableToText, type Table } from '../../core/table.js';
import { simulate } from '../../engine/simulate.js';
import type { Scenario } from '../../scenario/load.js';
import { booleanFlag, intFlag, listFlag, parseCommandArgs, stringFlag } from '../args.js';
import { UsageError } from '../errors.js';
import { startProgress } from '../progress.js';
import { loadScenarioArg } from '../scenarioArg.js';

/** How the command states the interval it shows (also in docs/calibration.md). */
export const INTERVAL_NOTE =
  'pass = the simulated mean (across replications) lies in the target range. "95% CI of mean" = mean ± 1.96·se; "p2.5–p97.5" = percentiles of the replications (spread of single runs).';

/** Simulates the scenario and checks every target. */
export function runCalibrationCheck(scenario: Scenario, targets: readonly Target[], seed: number, replications: number, onReplication?: (done: number) => void): TargetCheck[] {
  const result = simulate(scenario, { seed, replications, ...(onReplication ? { onReplication } : {}) });
  return checkTargets(targets, result);
}

/** The `calibrate --json` document. */
export function calibrationJson(scenario: Scenario, seed: number, replications: number, checks: readonly TargetCheck[]): object {
  return {
    scenario: scenario.name,
    seed,
    replications,
    interval: 'p025/p975: 2.5% and 97.5% percentiles of the replications; meanLow/meanHigh: mean ± 1.96·se',
    targets: checks.map((c) => ({ id: c.id, metric: c.metric, low: c.low, high: c.high, mean: c.mean, p025: c.p025, p975: c.p975, pass: c.pass, se: c.se, meanLow: c.meanLow, meanHigh: c.meanHigh })),
  };
}

/** Targets span 5 to 5 million: whole numbers with separators from 1,000 up, else 4 significant digits. */
function num(v: number): string {
  return Math.abs(v) >= 1000 ? formatNumber(Math.round(v)) : String(Number(v.toPrecision(4)));
}

/** An objective value: 3 significant digits, exponent notation when tiny. */
function small(v: number): string {
  return v === 0 ? '0' : Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toPrecision(3);
}

function checksText(checks: readonly TargetCheck[]): string {
  const table = targetTable(checks);
  const shown: Table = {
    target: table.target!,
    range: checks.map((c) => (c.low === c.high ? num(c.low) : `${num(c.low)} – ${num(c.high)}`)),
    mean: checks.map((c) => num(c.mean)),
    '95% CI of mean': checks.map((c) => `${num(c.meanLow)} – ${num(c.meanHigh)}`),
    'p2.5–p97.5': checks.map((c) => `${num(c.p025)} – ${num(c.p975)}`),
    unit: table.unit!,
    pass: checks.map((c) => (c.pass ? 'pass' : 'FAIL')),
  };
  return tableToText(shown);
}

/** The fittable parameters restricted to the targets in this file (a parameter none of whose targets is there is left out). */
function parametersFor(targets: readonly Target[], only: readonly string[]): FitParameter[] {
  const ids = new Set(targets.map((t) => t.id));
  const all = fittableParameters();
  for (const path of only) if (!all.some((p) => p.path === path)) throw new UsageError(`--only ${path}: not a fittable parameter; fittable: ${all.map((p) => p.path).join(', ') || 'none'}`);
  return all
    .filter((p) => only.length === 0 || only.includes(p.path))
    .map((p) => ({ ...p, targets: p.targets.filter((t) => ids.has(t)) }))
    .filter((p) => p.targets.length > 0);
}

function fitText(fit: FitResult): string {
  const params: Table = {
    parameter: fit.parameters.map((p) => p.path),
    start: fit.parameters.map((p) => p.start),
    fitted: fit.parameters.map((p) => p.value),
    bounds: fit.parameters.map((p) => `${formatNumber(p.lower)} – ${formatNumber(p.upper)}`),
    group: fit.parameters.map((p) => p.group + 1),
  };
  const groups: Table = {
    group: fit.groups.map((_, g) => g + 1),
    targets: fit.groups.map((g) => g.targets.join(', ')),
    'Σz² start': fit.groups.map((g) => small(g.objectiveStart)),
    'Σz² fitted': fit.groups.map((g) => small(g.objective)),
    evaluations: fit.groups.map((g) => g.evaluations),
    converged: fit.groups.map((g) => (g.converged ? 'yes' : 'no (evaluation limit)')),
  };
  return `${tableToText(params)}\n\n${tableToText(groups)}`;
}

/** `wuhou-sim calibrate` (its summary and usage are in ./index.ts). Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    reps: { type: 'string' },
    seed: { type: 'string' },
    targets: { type: 'string' },
    set: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    fit: { type: 'boolean' },
    out: { type: 'string' },
    name: { type: 'string' },
    only: { type: 'string', multiple: true },
    'max-evals': { type: 'string' },
  });
  if (args.positionals.length > 1) throw new UsageError(`calibrate takes one scenario, got ${args.positionals.length}: ${args.positionals.join(' ')}`);
  const scenario = loadScenarioArg(args.positionals[0], listFlag(args, 'set'));
  const seed = intFlag(stringFlag(args, 'seed'), '--seed', scenario.values.simulation.seed, -Number.MAX_SAFE_INTEGER);
  const replications = intFlag(stringFlag(args, 'reps'), '--reps', scenario.values.simulation.replications, 1, 100_000);
  const targets = loadModelTargets(stringFlag(args, 'targets') ?? defaultTargetsPath());
  const json = booleanFlag(args, 'json');

  if (booleanFlag(args, 'fit')) {
    const params = parametersFor(targets, listFlag(args, 'only'));
    if (params.length === 0) {
      const why = fittableParameters().length === 0 ? 'no parameter of the model is marked fittable' : `no fittable parameter is fitted to a target in ${stringFlag(args, 'targets') ?? 'data/targets.csv'}`;
      throw new UsageError(`nothing to fit: ${why} (fittable = provenance assumed(note, { lower, upper, targets }))`);
    }
    const out = resolve(stringFlag(args, 'out') ?? join(packageRoot(), 'out', `${scenario.name}-fitted.yaml`));
    if (scenario.file && out === resolve(scenario.file)) throw new UsageError('--out names the input scenario: --fit writes a new scenario file and never edits the one it fits');
    const maxEvaluations = stringFlag(args, 'max-evals') === undefined ? undefined : intFlag(stringFlag(args, 'max-evals'), '--max-evals', 0, 5, 100_000);
    let fit: FitResult;
    try {
      fit = fitScenario(scenario, targets, {
        seed,
        replications,
        parameters: params,
        ...(maxEvaluations !== undefined ? { maxEvaluations } : {}),
        onEvaluation: (g, groups, n, f) => {
          if (process.stderr.isTTY) process.stderr.write(`\rfitting group ${g + 1}/${groups}: evaluation ${n}, objective ${f.toPrecision(4)}   `);
        },
        onGroupDone: (g, groups, pass, values, f) => {
          const shown = Object.entries(values).map(([p, v]) => `${p}=${v}`).join(', ');
          process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}pass ${pass + 1}, group ${g + 1}/${groups}: ${shown} (objective ${f.toPrecision(4)})\n`);
        },
      });
    } catch (e) {
      if (e instanceof NothingToFitError) throw new UsageError(e.message);
      throw e;
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    writeFileAtomic(out, fittedScenarioText(scenario, fit, out, stringFlag(args, 'name')));
    const checks = runCalibrationCheck(fit.scenario, targets, seed, replications);
    const fitted = new Set(fit.groups.flatMap((g) => g.targets));
    const allFittedPass = checks.filter((c) => fitted.has(c.id)).every((c) => c.pass);
    if (json) {
      process.stdout.write(
        JSON.stringify({
          method: fit.method,
          seed,
          replications,
          out,
          objectiveStart: fit.objectiveStart,
          objective: fit.objective,
          parameters: fit.parameters.map((p) => ({ path: p.path, start: p.start, value: p.value, lower: p.lower, upper: p.upper, targets: p.targets })),
          groups: fit.groups,
          ...calibrationJson(fit.scenario, seed, replications, checks),
        }) + '\n',
      );
    } else {
      process.stdout.write(`${scenario.name}: fitted ${fit.parameters.length} parameter(s) in ${fit.groups.length} group(s); seed ${seed}, ${replications} replications\n${fit.method}\n\n`);
      process.stdout.write(`${fitText(fit)}\n\nwrote ${out}\n\nTargets with the fitted values (${INTERVAL_NOTE})\n\n${checksText(checks)}\n`);
    }
    return allFittedPass ? 0 : 1;
  }

  const progress = await startProgress(replications, 'replications');
  const checks = runCalibrationCheck(scenario, targets, seed, replications, (done) => progress.update(done));
  progress.stop();
  if (json) process.stdout.write(JSON.stringify(calibrationJson(scenario, seed, replications, checks)) + '\n');
  else {
    const passed = checks.filter((c) => c.pass).length;
    process.stdout.write(`${scenario.name}: seed ${seed}, ${replications} replications; ${passed} of ${checks.length} targets pass.\n${INTERVAL_NOTE}\n\n${checksText(checks)}\n`);
  }
  return checks.every((c) => c.pass) ? 0 : 1;
}
