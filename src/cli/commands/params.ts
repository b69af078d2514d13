import { flattenCatalogue } from '../../scenario/catalogue.js';
import { getPath } from '../../scenario/paths.js';
import { describeProvenance } from '../../scenario/provenance.js';
import type { Scenario } from '../../scenario/load.js';
import { tableToCsv, tableToText, type Table } from '../../core/table.js';
import { booleanFlag, listFlag, parseCommandArgs } from '../args.js';
import { loadScenarioArg } from '../scenarioArg.js';

/** Every parameter with its value in the scenario, unit, labels and provenance. */
export function parameterTable(scenario: Scenario): Table {
  const rows = flattenCatalogue().map(({ path, spec }) => {
    const value = getPath(scenario.values, path);
    const note = scenario.notes[path];
    return {
      path,
      value: Array.isArray(value) ? value.join(' ') : (value as string | number | boolean),
      unit: spec.unit,
      zh: spec.zh,
      en: spec.en,
      provenance: describeProvenance(spec.source) + (note ? ` | scenario note: ${note}` : ''),
      setIn: scenario.origins[path] ?? '',
    };
  });
  const table: Table = {};
  for (const key of ['path', 'value', 'unit', 'zh', 'en', 'provenance', 'setIn'] as const) table[key] = rows.map((r) => r[key]);
  return table;
}

/** `wuhou-sim params` (its summary and usage are in ./index.ts). Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, { csv: { type: 'boolean' }, set: { type: 'string', multiple: true } });
  const scenario = loadScenarioArg(args.positionals[0], listFlag(args, 'set'));
  const table = parameterTable(scenario);
  if (booleanFlag(args, 'csv')) process.stdout.write(tableToCsv(table));
  else {
    const { zh: _zh, setIn: _s, ...narrow } = table;
    process.stdout.write(`${scenario.name}: ${scenario.title}\n\n${tableToText(narrow)}\n`);
  }
  return 0;
}
