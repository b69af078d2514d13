/**
 * The sweep's errors that mean bad input (the user's --out folder or shard folders), in a
 * file of their own so the CLI can recognise them without loading the sweep code.
 */

/** Thrown when a folder holds a different sweep than the one asked to resume. */
export class CheckpointMismatchError extends Error {
  constructor(dir: string, why: string) {
    super(`${dir} holds a different sweep (${why}); use another --out folder, or start afresh without resume`);
    this.name = 'CheckpointMismatchError';
  }
}

/** Why shard folders could not be merged: names the folders and the design points concerned. */
export class SweepMergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepMergeError';
  }
}
