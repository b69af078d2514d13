import { describe, expect, it } from 'vitest';
import { compareGolden, formatGoldenDiff, goldenText, goldenUnchanged, movedBeyond, type GoldenSummary } from '../../src/calibration/golden.js';

function summary(metrics: Record<string, number>, over: Partial<GoldenSummary> = {}): GoldenSummary {
  return {
    scenario: 's',
    file: 'scenarios/s.yaml',
    seed: 1,
    replications: 4,
    tolerance: { relative: 1e-9, absolute: 1e-9 },
    metrics: Object.fromEntries(Object.entries(metrics).map(([id, mean]) => [id, { mean, sd: 2, p025: mean - 3, p975: mean + 3, unit: 'yuan' }])),
    ...over,
  };
}

describe('golden comparison (tolerance rule)', () => {
  it('ignores floating-point noise and catches one fen on millions of yuan', () => {
    expect(movedBeyond(3_600_000, 3_600_000 * (1 + 1e-14))).toBe(false);
    expect(movedBeyond(3_600_000, 3_600_000.01)).toBe(true);
    expect(movedBeyond(0, 1e-12)).toBe(false);
    expect(movedBeyond(0, 1e-6)).toBe(true);
    expect(movedBeyond(0.7, 0.7 + 1e-8)).toBe(true);
  });

  it('reports moved, added and removed metrics and changed settings, readably', () => {
    const stored = summary({ a: 100, b: 5, gone: 1 });
    const fresh = summary({ a: 101, b: 5, fresh: 7 }, { seed: 2 });
    const d = compareGolden(stored, fresh);
    expect(goldenUnchanged(d)).toBe(false);
    expect(d.settings).toEqual(['seed 1 → 2']);
    expect(d.moved.map((m) => `${m.metric}.${m.stat}`)).toEqual(['a.mean', 'a.p025', 'a.p975']);
    expect(d.added).toEqual(['fresh']);
    expect(d.removed).toEqual(['gone']);
    const text = formatGoldenDiff(stored, fresh, d);
    expect(text).toContain('a [yuan]: mean 100 → 101 (Δ +1, +1.00%, 1.00 se); p2.5 97 → 98; p97.5 103 → 104');
    expect(text.split('\n').filter((l) => l.startsWith('  a '))).toHaveLength(1);
    expect(text).toContain('+ fresh (new metric)');
    expect(text).toContain('− gone (metric gone)');
  });

  it('an identical summary is unchanged, and the stored text is stable JSON', () => {
    const s = summary({ b: 2, a: 1 });
    expect(goldenUnchanged(compareGolden(s, s))).toBe(true);
    const text = goldenText(s);
    expect(JSON.parse(text)).toEqual(s);
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
  });
});
