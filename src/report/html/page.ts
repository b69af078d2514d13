import type { Lang } from '../../i18n/lang.js';
import { CJK_FONT_FAMILY } from '../figures/common.js';
import { escapeHtml } from './escape.js';

/**
 * Forbids every network request: the report must work offline and, forwarded by e-mail,
 * must not call home. Inline scripts and styles (plotly and ours) and data: URIs only.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

const STYLE = `
body { font-family: ${CJK_FONT_FAMILY}; color: #1d2733; max-width: 1100px; margin: 0 auto; padding: 24px; line-height: 1.5; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin-top: 2em; }
table.wuhou-table { border-collapse: collapse; margin: 12px 0; font-size: 0.9em; }
table.wuhou-table th, table.wuhou-table td { border-bottom: 1px solid #e1e4e8; padding: 4px 8px; vertical-align: top; }
table.wuhou-table th { background: #f6f8fa; } table.wuhou-table caption { text-align: left; font-weight: bold; padding: 4px 0; }
figure.chart-block { margin: 16px 0 28px; } figure.chart-block figcaption { font-size: 0.85em; color: #57606a; }
.status { white-space: nowrap; } code { font-size: 0.85em; color: #57606a; } .status-within { color: #1a7f37; } .status-outside { color: #cf222e; } .status-missing { color: #9a6700; }
nav ol { columns: 2; } details summary { cursor: pointer; color: #0969da; } .note { color: #57606a; font-size: 0.9em; }
`;

export interface PageParts {
  lang: Lang;
  title: string;
  /** Already-escaped HTML of the body. */
  body: string;
  /** The plotly.js bundle, inlined once in the head. */
  plotly: string;
}

/** The whole self-contained document. */
export function pageHtml(p: PageParts): string {
  return `<!DOCTYPE html>
<html lang="${p.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>${STYLE}</style>
<script type="text/javascript">${p.plotly}</script>
</head>
<body>
${p.body}
</body>
</html>
`;
}
