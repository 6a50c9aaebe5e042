/**
 * diff.html: the comparison of two runs as one self-contained page. Titles and messages come
 * from report files and, before that, from the DUT: untrusted, so the template only uses escaping
 * `{{…}}` output, and the Content-Security-Policy allows no script and nothing from outside.
 */
import { createRequire } from 'node:module';
import type * as HandlebarsApi from 'handlebars';
import { changeKinds, sideWordsOf, tallyLine, type ChangeKind, type RunDiff } from './diff.js';

const Handlebars = createRequire(import.meta.url)('handlebars') as typeof HandlebarsApi;
const handlebars = Handlebars.create();

const csp = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const style = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1b1f24; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; }
.meta { color: #57606a; margin: .1rem 0; }
.caveat { background: #fff8c5; padding: .3rem .6rem; border-radius: 4px; margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
th { background: #f6f8fa; }
th:nth-child(1) { width: 11rem; } th:nth-child(2), th:nth-child(3) { width: 7rem; }
.id { font-family: ui-monospace, monospace; white-space: nowrap; }
.regression h2 { color: #cf222e; } .fix h2 { color: #1a7f37; }
.msg { color: #57606a; font-size: .92em; }
.tally { font-weight: 600; margin-top: 1.5rem; }
`;

const template = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{{csp}}}">
<title>ocpp-conform diff: {{tally}}</title>
<style>{{{style}}}</style></head>
<body>
<h1>Run comparison</h1>
<p class="meta">before: {{before}}</p>
<p class="meta">after: {{after}}</p>
{{#each caveats}}<p class="caveat">{{this}}</p>{{/each}}
{{#each sections}}
<section class="{{kind}}" id="{{kind}}">
<h2>{{heading}} ({{rows.length}})</h2>
<table><thead><tr><th>case</th><th>before</th><th>after</th><th>title and why</th></tr></thead><tbody>
{{#each rows}}<tr><td class="id">{{id}}</td><td>{{before}}</td><td>{{after}}</td><td>{{title}}{{#if message}}<div class="msg">{{message}}</div>{{/if}}</td></tr>
{{/each}}</tbody></table>
</section>
{{/each}}
<p class="tally">{{tally}}</p>
</body></html>
`;

const render = handlebars.compile(template, { strict: false, noEscape: false });

const headings: Record<ChangeKind, string> = {
  regression: 'Regressions: passed before, not now',
  fix: 'Fixes: failed before, pass now',
  new: 'New cases',
  removed: 'Cases no longer run',
  changed: 'Other verdict changes',
  unchanged: 'Unchanged',
};

export function renderDiffHtml(diff: RunDiff): string {
  const sections = changeKinds
    .map((kind) => ({
      kind,
      heading: headings[kind],
      rows: diff.changes
        .filter((c) => c.kind === kind)
        .map((c) => ({ id: c.id, title: c.title, before: c.before ?? '—', after: c.after ?? '—', message: kind === 'fix' ? undefined : c.message })),
    }))
    .filter((s) => s.rows.length > 0);
  return render({
    csp,
    style,
    before: sideWordsOf(diff.before),
    after: sideWordsOf(diff.after),
    caveats: diff.caveats,
    sections,
    tally: tallyLine(diff.counts),
  });
}
