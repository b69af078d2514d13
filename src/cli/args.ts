import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command accepts. */
export const COMMON_OPTIONS = {
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export interface ParsedArgs {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

/** Parses a command's arguments strictly; unknown flags are a UsageError naming the flag. */
export function parseCommandArgs(argv: string[], options: Options): ParsedArgs {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

/** Reads an integer flag, with bounds; a UsageError names the flag and the bad value. */
export function intFlag(value: string | undefined, flag: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`${flag}: expected a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, got ${n}`);
  return n;
}

/** A string flag's value (the last one if repeated). */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return Array.isArray(v) ? (v[v.length - 1] as string | undefined) : typeof v === 'string' ? v : undefined;
}

/** All values of a repeatable string flag such as --set. */
export function listFlag(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

export function booleanFlag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}
