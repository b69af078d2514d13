import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../../scenario/load.js';
import { evaluatePoint } from './evaluate.js';
import type { WorkerMessage, WorkerReply } from './protocol.js';

/**
 * Worker-thread entry of the sweep pool (compiled to dist/engine/sweep/worker.js). Holds the
 * base scenario and answers each point task with its metric summaries, or with the error
 * that stopped it: a failing point never takes the worker down.
 */
let base: Scenario | undefined;

parentPort?.on('message', (message: WorkerMessage) => {
  if (message.type === 'init') {
    base = message.base;
    return;
  }
  let reply: WorkerReply;
  try {
    if (!base) throw new Error('worker received a point before the scenario');
    reply = evaluatePoint(base, message);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { type: 'failed', index: message.index, error: `${err.name}: ${err.message}`, ...(err.stack ? { stack: err.stack } : {}) };
  }
  parentPort!.postMessage(reply);
});
