// Runs a section in a child Node process with a bounded V8 heap, so that a scale too big for
// the machine reports an error instead of taking the benchmark down, and so that the peak
// memory measured is that section's alone.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

export function spawnSection(section, options, { heapMb }) {
  return new Promise((resolve) => {
    const args = [`--max-old-space-size=${heapMb}`, join(ROOT, 'bench', 'child.mjs'), section, JSON.stringify(options)];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code, signal) => {
      const last = out.trim().split('\n').pop();
      if (code === 0 && last) {
        try {
          resolve(JSON.parse(last));
          return;
        } catch {
          /* fall through to the error below */
        }
      }
      const why = signal ? `killed by ${signal} (out of memory?)` : `exit code ${code}`;
      resolve({ error: `${section} ${JSON.stringify(options)}: ${why}: ${err.trim().split('\n').slice(-3).join(' | ')}` });
    });
  });
}
