import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../../scenario/load.js';
import type { ThreadReply, WorkerMessage } from './protocol.js';
import { evaluateReplications } from './replications.js';

/**
 * Worker-thread entry of the sweep pool (compiled to dist/engine/sweep/worker.js). Answers
 * each run of replications with the metrics' values, or with the error that stopped it: a
 * failing point never takes the worker down. It keeps the scenario of the point it last
 * simulated (the pool sends a scenario only when the point changes).
 */
let scenario: Scenario | undefined;

parentPort?.on('message', (message: WorkerMessage) => {
  let reply: ThreadReply;
  try {
    if (message.scenario) scenario = message.scenario;
    if (!scenario) throw new Error('worker received a run of replications before its scenario');
    const values = evaluateReplications(scenario, message.seed, message.from, message.to, message.metrics);
    reply = { type: 'values', id: message.id, values };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { type: 'failed', id: message.id, error: `${err.name}: ${err.message}`, ...(err.stack ? { stack: err.stack } : {}) };
  }
  // The values' buffer moves to the pool instead of being copied.
  parentPort!.postMessage(reply, reply.type === 'values' ? [reply.values.buffer] : []);
});
