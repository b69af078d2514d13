import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTargets } from '../../src/calibration/targets.js';
import { buildReport } from '../../src/report/build.js';
import { collectReportData, type ReportData } from '../../src/report/collect.js';
import { loadScenario, type Scenario } from '../../src/scenario/load.js';
import { tempDir } from './helpers.js';

/**
 * Everything a scenario contributes to an HTML report is escaped (issue 10, item 5): its
 * name, title, description, the notes on its values and the file names they came from,
 * for the baseline and for a reform. The simulation runs once; fast-check then puts hostile
 * text into every one of those places and the report must contain only the scripts it
 * writes itself and none of the hostile markup raw.
 */

const { dir, cleanup } = tempDir('report');
afterAll(cleanup);

// A file whose very name is markup, with a note on a value.
const hostileFile = join(dir, `x"><img src=y onerror=alert(1)>.yaml`);
writeFileSync(hostileFile, `extends: ${resolve('scenarios/baseline-2016.yaml')}\nsupermarket:\n  vegetables:\n    cap: {value: 120, note: "</td><script>alert('note')</script>"}\n`);
const small = ['population.dibao.households=60', 'population.marginal.households=30', 'population.specialHardship.households=60', 'insurance.households=30'];
const base = loadScenario(hostileFile, { set: small });
const data = collectReportData(base, { replications: 1 });
const targets = loadTargets();

const markup = fc.oneof(
  fc.constantFrom('</script><script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>', "'; alert(4); '", '<!--', ']]>', '</style>', '\u2028\u2029', '&lt;already&gt;', '<a href="javascript:alert(5)">x</a>', '{{constructor.constructor("alert(6)")()}}'),
  fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '/', 's', 'c', 'r', 'i', 'p', 't', ' ', '='), maxLength: 30 }),
);

function withText(s: Scenario, name: string, title: string, description: string, note: string): Scenario {
  return { ...s, name, title, description, notes: { ...s.notes, 'supermarket.vegetables.cap': note }, origins: { ...s.origins, 'supermarket.staples.cap': `${name}.yaml` } };
}

/**
 * Places where a marked text appears raw: each text starts with a unique marker, and after
 * every occurrence of the marker the report must show the text escaped (as HTML entities,
 * or \u003c inside a script), never as itself when it holds a character HTML gives meaning.
 */
function rawAppearances(html: string, marked: string[]): string[] {
  const out: string[] = [];
  for (const text of marked) {
    // An ampersand is harmless raw (and its escape &amp; starts with it): look for the others.
    if (!/[<>"']/.test(text)) continue;
    const marker = text.slice(0, 6);
    for (let at = html.indexOf(marker); at >= 0; at = html.indexOf(marker, at + 1)) {
      if (html.startsWith(text, at)) out.push(`${JSON.stringify(text)} raw at ${at}: …${html.slice(Math.max(0, at - 40), at + text.length + 20)}…`);
    }
  }
  return out;
}

describe('report escaping', () => {
  it('the detector sees raw markup and passes escaped markup', () => {
    expect(rawAppearances('<p>QZX0Q:<b>x</b></p>', ['QZX0Q:<b>x</b>'])).toHaveLength(1);
    expect(rawAppearances('<p>QZX0Q:&lt;b&gt;x&lt;/b&gt;</p><script>["QZX0Q:\\u003cb\\u003ex"]</script>', ['QZX0Q:<b>x</b>'])).toEqual([]);
  });

  it('hostile names, titles, descriptions, notes and file names never reach the HTML raw', () => {
    fc.assert(
      fc.property(markup, markup, markup, markup, fc.constantFrom('zh' as const, 'en' as const), (rawName, rawTitle, rawDescription, rawNote, lang) => {
        const [name, title, description, note] = [rawName, rawTitle, rawDescription, rawNote].map((t, i) => `QZX${i}Q:${t}`) as [string, string, string, string];
        const scenario = withText(base, name, title, description, note);
        const reform: ReportData = { ...data, scenario: withText(base, `${name}-reform`, title, description, note) };
        const built = buildReport({ ...data, scenario }, { lang, targets, reform });
        expect(rawAppearances(built.html, [name, title, description, note, `${name}-reform`])).toEqual([]);
        expect(built.html).not.toContain("<script>alert('note')</script>");
        expect(built.html).not.toContain('<img src=y');
        // Only the report's own scripts: plotly once, and one per chart.
        expect(built.html.match(/<script/gi)?.length).toBe(1 + built.charts.length);
        expect(built.html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
      }),
      { numRuns: 25, seed: 5 },
    );
  }, 120_000);
});
