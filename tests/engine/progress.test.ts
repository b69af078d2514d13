import { describe, expect, it } from 'vitest';
import { progressLine, textProgress } from '../../src/engine/sweep/progress.js';

describe('notebook progress line', () => {
  it('shows a bar, the count, the share and an ETA', () => {
    expect(progressLine('sweep', 5, 10, 4000, 10)).toBe('sweep [#####-----] 5/10 50% | 4 s elapsed, ETA 4 s');
    expect(progressLine('sweep', 10, 10, 125_000, 4)).toBe('sweep [####] 10/10 100% | 2 min 5 s elapsed');
    expect(progressLine('empty', 0, 0, 0, 4)).toBe('empty [####] 0/0 100% | 0 s elapsed');
  });

  it('rewrites one line in place, throttled, and ends it once', () => {
    const out: string[] = [];
    const progress = textProgress('x', (t) => out.push(t), 60_000);
    progress(0, 3);
    progress(1, 3); // throttled
    progress(3, 3);
    progress(4, 4); // after the end: ignored
    expect(out.length).toBe(2);
    expect(out.every((t) => t.startsWith('\r'))).toBe(true);
    expect(out[1]!.endsWith('\n')).toBe(true);
    expect(out[1]).toContain('3/3 100%');
  });
});
