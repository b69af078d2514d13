import { describe, expect, it } from 'vitest';
import { chartHtml } from '../../src/report/chartHtml.js';
import { escapeHtml, jsonForScript } from '../../src/report/html/escape.js';
import { createShow, tableHtml } from '../../src/report/show.js';

describe('show() for notebooks', () => {
  it('sends plotly.js with the first chart only', () => {
    const out: string[] = [];
    const show = createShow((html) => out.push(html));
    show({ data: [{ type: 'bar', y: [1] }], layout: {} });
    show({ data: [{ type: 'bar', y: [2] }, { type: 'bar', y: [3] }] });
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('plotly.js v');
    expect(out[0]!.length).toBeGreaterThan(1_000_000);
    expect(out[1]).not.toContain('plotly.js v');
    expect(out[1]!.length).toBeLessThan(2_000);
    expect(out[1]).toContain('data-traces="2"');
    expect(out[1]).toContain('Plotly.newPlot');
    expect(out[1]).not.toMatch(/https?:\/\//);
  });
  it('never links to a CDN and never closes its script early', () => {
    const out: string[] = [];
    createShow((html) => out.push(html))({ data: [], layout: {} });
    expect(out[0]).not.toMatch(/<script[^>]+src=/);
    const scripts = out[0]!.match(/<script/g)!.length;
    expect(out[0]!.match(/<\/script>/g)!.length).toBe(scripts);
  });
  it('gives each chart its own container id', () => {
    const a = chartHtml({ data: [] }, 'x1');
    expect(a).toContain('id="x1"');
    const out: string[] = [];
    const show = createShow((html) => out.push(html), { [Symbol.for('wuhou-sim.report.plotlyEmbedded')]: true } as object);
    show({ data: [] });
    show({ data: [] });
    const ids = out.map((h) => /id="([^"]+)"/.exec(h)![1]);
    expect(ids[0]).not.toBe(ids[1]);
  });
  it('escapes hostile text inside chart data', () => {
    const html = chartHtml({ data: [{ type: 'bar', name: '</script><script>alert(1)</script>' }], layout: { title: { text: "a'b\"c" } } }, 'c');
    expect(html).not.toContain('</script><script>alert');
    expect(html).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(jsonForScript({ s: '</script>&\u2028' }))).toEqual({ s: '</script>&\u2028' });
  });
});

describe('tables as HTML', () => {
  it('formats numbers, escapes text', () => {
    const html = tableHtml({ name: ['<b>x</b>', "o'k"], yuan: [1234567, 0.5] }, 'A & B');
    expect(html).toContain('<caption>A &amp; B</caption>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('o&#39;k');
    expect(html).toContain('>1,234,567<');
    expect(html).toContain('<th style="text-align:right">yuan</th>');
  });
  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
