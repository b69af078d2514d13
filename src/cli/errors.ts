import { CheckpointMismatchError, SweepMergeError } from '../engine/sweep/errors.js';
import { MemoryLimitError } from '../population/memoryGuard.js';

/** Bad input from the user (flags, files, values): exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** What a file-system error code means to a user (the codes a wrong path or folder causes). */
const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

const VERBS: Record<string, string> = { open: 'open', read: 'read', write: 'write', mkdir: 'create the folder', rename: 'replace', scandir: 'list', stat: 'find', unlink: 'remove' };

/**
 * A one-line message for a file-system error the user can fix (a bad --out path, a read-only
 * folder, a full disk), or undefined for anything else. Such errors are bad input, not bugs.
 */
export function describeFileError(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException;
  if (!(e instanceof Error) || typeof err.code !== 'string' || !Object.prototype.hasOwnProperty.call(FILE_PROBLEMS, err.code)) return undefined;
  if (typeof err.path !== 'string' && typeof err.syscall !== 'string') return undefined;
  const verb = VERBS[err.syscall ?? ''] ?? 'use';
  return `cannot ${verb} ${err.path ?? 'a file'}: ${FILE_PROBLEMS[err.code]}`;
}

/**
 * Errors other parts throw for input the user chose (an --out folder holding another sweep,
 * shard folders that do not belong together): bad input, whatever their class.
 */
export function isBadInputError(e: unknown): e is Error {
  return e instanceof UsageError || e instanceof CheckpointMismatchError || e instanceof SweepMergeError;
}

/**
 * A message for running out of memory while allocating the population's columns, or
 * undefined. A population too large for this machine is the scenario's doing, not a bug.
 */
export function describeMemoryError(e: unknown): string | undefined {
  if (e instanceof MemoryLimitError) return e.message; // the guard's estimate, before any allocation
  if (!(e instanceof RangeError)) return undefined;
  if (!/Array buffer allocation failed|Invalid typed array length|Invalid array length/.test(e.message)) return undefined;
  return `not enough memory for this scenario (${e.message}); reduce the population (population.*.households) or the number of replications`;
}
