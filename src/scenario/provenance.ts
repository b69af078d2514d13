/**
 * Where a parameter's value comes from. Every parameter has exactly one of these, so that
 * any number a user sees can be traced to the article, a public statistic, or a stated
 * assumption (OpenFisca's "reference", made mandatory).
 */
export type Provenance =
  | { kind: 'article'; quote: string; ref: string }
  | { kind: 'statistic'; source: string; confidence: 'H' | 'M' | 'L' }
  | { kind: 'assumed'; note: string; fit?: FitBounds };

/** Marks an assumed parameter as fittable by `calibrate --fit`, within these bounds. */
export interface FitBounds {
  lower: number;
  upper: number;
  /** Target ids (rows of data/targets.csv) this parameter is fitted to. */
  targets: readonly string[];
}

/** A policy figure quoted in the article (FIGURES.md). */
export function article(quote: string, ref: string): Provenance {
  return { kind: 'article', quote, ref };
}

/** A published statistic from outside the article (EXTERNAL.md). */
export function statistic(source: string, confidence: 'H' | 'M' | 'L'): Provenance {
  return { kind: 'statistic', source, confidence };
}

/** A modelling assumption; with `fit`, one that calibration may move within bounds. */
export function assumed(note: string, fit?: FitBounds): Provenance {
  if (fit && !(fit.lower <= fit.upper)) throw new RangeError(`fit bounds: lower ${fit.lower} is above upper ${fit.upper}`);
  return fit ? { kind: 'assumed', note, fit } : { kind: 'assumed', note };
}

/** One line of text for tables: `article: "…" (FIGURES.md §1)`. */
export function describeProvenance(p: Provenance): string {
  switch (p.kind) {
    case 'article':
      return `article: "${p.quote}" (${p.ref})`;
    case 'statistic':
      return `statistic (${p.confidence}): ${p.source}`;
    case 'assumed':
      return `assumed: ${p.note}${p.fit ? ` [fittable ${p.fit.lower}..${p.fit.upper} to ${p.fit.targets.join(', ')}]` : ''}`;
  }
}
