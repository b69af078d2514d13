import { spawnSync } from 'node:child_process';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

/**
 * A one-million-row roster is read as a stream (issue 10, item 2). It is loaded in a child
 * process whose JavaScript heap is capped at 64 MB, less than twice the households file
 * (34 MB of text): a reader that held the text, let alone the text and its rows, would
 * run out of memory, while the streaming reader keeps one chunk and the typed columns
 * (which live outside the heap). Runs the built code in dist/ (`npm run build` first).
 */

const ROWS = 1_000_000;
const HEAP_MB = 64;
const { dir, cleanup } = tempDir('million');
afterAll(cleanup);

/** Writes a file line by line in blocks, never holding it whole. */
function writeLines(file: string, header: string, line: (i: number) => string): void {
  const fd = openSync(file, 'w');
  writeSync(fd, `${header}\r\n`);
  let block: string[] = [];
  for (let i = 1; i <= ROWS; i++) {
    block.push(line(i));
    if (block.length === 10_000) {
      writeSync(fd, block.join(''));
      block = [];
    }
  }
  writeSync(fd, block.join(''));
  closeSync(fd);
}

describe('a one-million-row roster', () => {
  it(`loads streaming within a ${HEAP_MB} MB heap, persons in reverse order`, () => {
    const households = join(dir, 'households.csv');
    const persons = join(dir, 'persons.csv');
    writeLines(households, 'id,subdistrict,category,size,incomeYuan,illnessGroup,assessmentScore', (i) => `${i},${1 + (i % 13)},${i % 3 ? 'dibao' : '低保边缘'},1,${(i % 997) + 0.5},none,0.${i % 10}\r\n`);
    writeLines(persons, 'householdId,age,chronicIllness,disabilityGrade', (i) => `${ROWS + 1 - i},${i % 100},none,${i % 11}\r\n`);
    const textMb = statSync(households).size / 2 ** 20;
    expect(textMb * 2).toBeGreaterThan(HEAP_MB);

    const script = `
      const { loadRoster } = await import(${JSON.stringify(resolve('dist/population/roster.js'))});
      const t0 = performance.now();
      const p = loadRoster(${JSON.stringify(households)}, ${JSON.stringify(persons)});
      const ms = performance.now() - t0;
      let sum = 0;
      for (let h = 0; h < p.households.count; h++) sum += p.households.incomeFen[h];
      const last = p.households.count - 1;
      console.log(JSON.stringify({ households: p.households.count, persons: p.persons.count, sum, lastOwner: p.persons.household[p.households.firstPerson[last]], ms, heapMb: process.memoryUsage().heapUsed / 2 ** 20 }));
    `;
    const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { households: number; persons: number; sum: number; lastOwner: number; ms: number; heapMb: number };
    expect(out.households).toBe(ROWS);
    expect(out.persons).toBe(ROWS);
    expect(out.lastOwner).toBe(ROWS - 1);
    // Σ over i of ((i mod 997) + 0.5) yuan, in fen.
    let expected = 0;
    for (let i = 1; i <= ROWS; i++) expected += (i % 997) * 100 + 50;
    expect(out.sum).toBe(expected);
    console.log(`1M-row roster: ${(out.ms / 1000).toFixed(1)} s for ${(2 * ROWS).toLocaleString('en')} rows (${textMb.toFixed(0)} MB of households text), heap ${out.heapMb.toFixed(0)} MB after loading`);
  });
});
