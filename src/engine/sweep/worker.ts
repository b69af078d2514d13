import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../../scenario/load.js';
import { evaluateReplications, pointScenario } from './evaluate.js';
import type { ReplicationsTask, ThreadReply, WorkerMessage } from './protocol.js';

/**
 * Worker-thread entry of the sweep pool (compiled to dist/engine/sweep/worker.js). Holds the
 * base scenario and answers each run of replications with the metrics' values, or with the
 * error that stopped it: a failing point never takes the worker down.
 */
let base: Scenario | undefined;
/** The last point's scenario: its runs often come one after another, and validating overrides costs milliseconds. */
let lastOverrides: string | undefined;
let lastScenario: Scenario | undefined;

function scenarioOf(task: ReplicationsTask): Scenario {
  if (!base) throw new Error('worker received a point before the scenario');
  const key = JSON.stringify(task.overrides);
  if (key !== lastOverrides || !lastScenario) {
    lastScenario = undefined;
    lastScenario = pointScenario(base, task.overrides);
    lastOverrides = key;
  }
  return lastScenario;
}

parentPort?.on('message', (message: WorkerMessage) => {
  if (message.type === 'init') {
    base = message.base;
    lastOverrides = lastScenario = undefined;
    return;
  }
  let reply: ThreadReply;
  try {
    const values = evaluateReplications(scenarioOf(message), message.seed, message.from, message.to, message.metrics);
    reply = { type: 'values', id: message.id, values };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { type: 'failed', id: message.id, error: `${err.name}: ${err.message}`, ...(err.stack ? { stack: err.stack } : {}) };
  }
  // The values' buffer moves to the pool instead of being copied.
  parentPort!.postMessage(reply, reply.type === 'values' ? [reply.values.buffer] : []);
});
