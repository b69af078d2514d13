import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../core/packageRoot.js';
import { scriptSafe } from './html/escape.js';

let cached: string | undefined;

/**
 * The minified plotly.js bundle, read from the installed package (never a CDN: reports are
 * read offline), made safe to inline in a <script> element. Read once per process.
 */
export function plotlyBundle(): string {
  if (cached === undefined) {
    const resolveFromPackage = createRequire(join(packageRoot(), 'package.json'));
    const file = resolveFromPackage.resolve('plotly.js-dist-min/plotly.min.js');
    cached = scriptSafe(readFileSync(file, 'utf8'));
  }
  return cached;
}

/** The plotly.js version inlined, for the report's colophon. */
export function plotlyVersion(): string {
  const m = /plotly\.js v(\d+\.\d+\.\d+)/.exec(plotlyBundle().slice(0, 200));
  return m ? m[1]! : 'unknown';
}
