import { dirname, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { formatNumber } from '../core/table.js';
import type { Scenario } from '../scenario/load.js';
import type { FitResult, FittedParameter } from './fit.js';

/** The note a fitted value carries in the scenario file: targets, method, seed, replications, objective. */
export function fittedNote(p: FittedParameter, fit: FitResult): string {
  const g = fit.groups[p.group]!;
  return (
    `assumed; calibrated to target ${p.targets.join(', ')} by calibrate --fit ` +
    `(Nelder–Mead on common random numbers, seed ${fit.seed}, ${fit.replications} replications; ` +
    `objective Σz² ${formatObjective(g.objectiveStart)} → ${formatObjective(g.objective)} over ${g.targets.join(', ')}; ` +
    `fitted with ${g.parameters.length === 1 ? 'no other parameter' : g.parameters.filter((q) => q !== p.path).join(', ')}; ` +
    `bounds ${formatNumber(p.lower)}..${formatNumber(p.upper)}; was ${p.start})`
  );
}

function formatObjective(v: number): string {
  return v < 1e-3 ? v.toExponential(2) : v.toPrecision(3);
}

/**
 * The text of a new scenario file that `extends` the input and sets only the fitted values,
 * each with its note. Policy values and targets are untouched: they are inherited unchanged.
 * `outFile` decides the relative `extends` path. Deterministic: no dates, so re-fitting to the
 * same values writes the same bytes.
 */
export function fittedScenarioText(input: Scenario, fit: FitResult, outFile: string, name = `${input.name}-fitted`): string {
  if (!input.file) throw new Error('the input scenario has no file to extend');
  let ext = relative(dirname(resolve(outFile)), input.file);
  if (!ext.startsWith('.')) ext = `./${ext}`;
  const doc: Record<string, unknown> = {
    name,
    title: `${input.title} (fitted)`,
    description: `${input.description ? `${input.description.trim()} ` : ''}Calibrated by wuhou-sim calibrate --fit: ${fit.method}.`,
    extends: ext,
  };
  for (const p of fit.parameters) doc[p.path] = { value: p.value, note: fittedNote(p, fit) };
  const header = [
    `# Written by \`wuhou-sim calibrate --fit\` from ${relative(process.cwd(), input.file) || input.file}.`,
    `# Only fitted, assumed parameters are set here; every other value (policy figures, statistics)`,
    `# comes unchanged from the file it extends. Objective Σz² over the fitted targets: ${formatObjective(fit.objectiveStart)} → ${formatObjective(fit.objective)}.`,
    '',
  ].join('\n');
  return header + stringify(doc, { lineWidth: 0 });
}
