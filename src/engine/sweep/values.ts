import { parameterAt } from '../../scenario/catalogue.js';
import type { ScenarioIssue } from '../../scenario/issues.js';
import { PathError, splitPath } from '../../scenario/paths.js';
import type { NumberSpec, ParamSpec } from '../../scenario/spec.js';

/**
 * Checks shared by sweep and frontier files: that a path names a parameter, that a value
 * passes the parameter's schema, and that a numeric range fits it. Each problem becomes
 * an issue naming the file, the path and the value, so nothing runs on bad input.
 */

/** The parameter at `path`, or undefined after recording why the path is not one. */
export function specAt(path: string, file: string, where: string, issues: ScenarioIssue[]): ParamSpec | undefined {
  try {
    splitPath(path);
  } catch (e) {
    if (e instanceof PathError) {
      issues.push({ file, path: where, problem: e.reason, got: path, expected: 'a parameter path such as supermarket.vegetables.cap' });
      return undefined;
    }
    throw e;
  }
  const spec = parameterAt(path);
  if (!spec) issues.push({ file, path: where, problem: 'unknown parameter path', got: path, expected: 'a parameter path listed by `wuhou-sim params`' });
  return spec;
}

/** Parses `value` with the parameter's schema; records an issue (naming path and value) if it fails. */
export function checkValue(spec: ParamSpec, value: unknown, file: string, where: string, issues: ScenarioIssue[]): boolean {
  if (spec.schema.safeParse(value).success) return true;
  issues.push({ file, path: where, problem: 'value fails the parameter\'s schema', got: value, expected: spec.expected });
  return false;
}

export function isNumberSpec(spec: ParamSpec): spec is NumberSpec {
  return spec.type === 'number';
}

/** A finite number, or an issue. */
export function finiteNumber(value: unknown, file: string, where: string, issues: ScenarioIssue[]): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  issues.push({ file, path: where, problem: 'expected a number', got: value, expected: 'a finite number' });
  return undefined;
}

/** A whole number within bounds, or an issue. */
export function wholeNumber(value: unknown, file: string, where: string, issues: ScenarioIssue[], min: number, max: number): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  issues.push({ file, path: where, problem: 'expected a whole number', got: value, expected: `a whole number from ${min} to ${max}` });
  return undefined;
}

/** Rounds a generated value the way its parameter needs: whole numbers stay whole, others lose float noise. */
export function tidyNumber(spec: NumberSpec, x: number): number {
  if (spec.integer) return Math.round(x);
  const y = Number(x.toPrecision(10));
  return y === 0 ? 0 : y;
}
