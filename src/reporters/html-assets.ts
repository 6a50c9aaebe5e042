/**
 * The static parts of report.html: stylesheet, filter script and the handlebars template. Kept
 * out of html.ts so the view-model code reads on its own. Everything is inlined into the one
 * file (no external URL), so the report works offline and can be attached to a ticket.
 */

export const htmlStyle = `
:root { --pass:#1a7f37; --fail:#cf222e; --inconclusive:#9a6700; --error:#8250df; --na:#6e7781; --line:#d0d7de; --bg:#f6f8fa; --text:#1f2328; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text); margin: 0; padding: 24px 32px 64px; max-width: 1400px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 0; }
h4 { font-size: 14px; margin: 16px 0 6px; }
.sub { color: #57606a; margin: 0 0 16px; }
.banner { padding: 8px 12px; border-radius: 6px; margin: 12px 0; font-weight: 600; }
.banner.partial { background: #fff8c5; border: 1px solid #d4a72c; }
.banner.interrupted { background: #ffebe9; border: 1px solid #ff8182; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--bg); font-weight: 600; }
table.facts { width: auto; }
table.facts th { background: none; color: #57606a; font-weight: 500; padding-right: 24px; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
pre { white-space: pre-wrap; word-break: break-all; margin: 0; }
ul.profiles { list-style: none; padding: 0; margin: 8px 0; }
ul.profiles li { font-size: 16px; padding: 6px 10px; margin: 4px 0; border-left: 5px solid var(--na); background: var(--bg); }
ul.profiles li.ok { border-left-color: var(--pass); }
ul.profiles li.bad { border-left-color: var(--fail); }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; align-items: center; }
.filters button { font: inherit; border: 1px solid var(--line); background: #fff; border-radius: 16px; padding: 3px 12px; cursor: pointer; }
.filters button[aria-pressed="true"] { background: var(--text); color: #fff; border-color: var(--text); }
.badge { display: inline-block; min-width: 92px; text-align: center; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: #fff; background: var(--na); }
.badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); } .badge.inconclusive { background: var(--inconclusive); }
.badge.error { background: var(--error); } .badge.notApplicable, .badge.skipped, .badge.notRun { background: var(--na); }
.case { border: 1px solid var(--line); border-radius: 8px; margin: 16px 0; padding: 12px 16px; }
.case > header { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
.case .message { margin: 6px 0; font-weight: 500; }
.case.v-fail { border-left: 5px solid var(--fail); } .case.v-error { border-left: 5px solid var(--error); } .case.v-inconclusive { border-left: 5px solid var(--inconclusive); } .case.v-pass { border-left: 5px solid var(--pass); }
.meta { color: #57606a; font-size: 13px; }
.check.bad td { background: #ffebe9; } .check.warn td { background: #fff8c5; }
.timing.bad { color: var(--fail); font-weight: 600; }
details > summary { cursor: pointer; color: #0969da; margin: 8px 0; }
.msc { display: grid; grid-template-columns: 84px 150px minmax(240px, 1fr) 150px; font-size: 12.5px; margin: 8px 0; max-width: 900px; }
.msc .lane-head { font-weight: 600; text-align: center; padding: 4px; background: var(--bg); border: 1px solid var(--line); }
.msc .t { color: #57606a; text-align: right; padding: 6px 8px 0 0; font-family: ui-monospace, monospace; }
.msc .lane { position: relative; }
.msc .lane::before { content: ""; position: absolute; left: 50%; top: 0; bottom: 0; border-left: 2px solid #8c959f; }
.msc .msg { position: relative; margin: 0 -75px; padding: 2px 8px 8px; text-align: center; z-index: 1; }
.msc .msg .label { display: inline-block; background: #fff; padding: 0 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%; }
.msc .msg .line { position: absolute; left: 0; right: 0; bottom: 6px; border-bottom: 2px solid #24292f; }
.msc .msg.to-dut .line::after, .msc .msg.to-harness .line::after { content: ""; position: absolute; bottom: -6px; border-top: 5px solid transparent; border-bottom: 5px solid transparent; }
.msc .msg.to-dut .line::after { right: -2px; border-left: 10px solid #24292f; }
.msc .msg.to-harness .line::after { left: -2px; border-right: 10px solid #24292f; }
.msc .msg.k-CALLERROR .line, .msc .msg.k-CALLRESULTERROR .line, .msc .msg.k-invalid .line { border-bottom-color: var(--fail); border-bottom-style: dashed; }
.msc .msg.k-CALLRESULT .line, .msc .msg.k-CALLERROR .line { border-bottom-style: dashed; }
.msc .msg.bad .label { color: var(--fail); font-weight: 600; } .msc .msg.bad .line { border-bottom-color: var(--fail); }
.msc .msg.missing .label { color: var(--fail); font-style: italic; } .msc .msg.missing .line { border-bottom: 2px dotted var(--fail); }
details.wire summary { font-size: 11px; color: #57606a; cursor: pointer; }
.frames td.dir { white-space: nowrap; }
footer { margin-top: 40px; color: #57606a; font-size: 12px; }
`;

/**
 * Filters by verdict: buttons set `#filter=<verdict>` and hide the other cases and table rows.
 * The filter is read from the URL hash on load, so `report.html#filter=fail` opens filtered.
 */
export const htmlScript = `
(function () {
  var groups = { all: null, problems: ['fail', 'inconclusive', 'error'] };
  function matches(filter, verdict) {
    if (!filter || filter === 'all') return true;
    var group = groups[filter];
    return group ? group.indexOf(verdict) >= 0 : verdict === filter;
  }
  function apply(filter) {
    var items = document.querySelectorAll('[data-verdict]');
    for (var i = 0; i < items.length; i++) {
      if (matches(filter, items[i].getAttribute('data-verdict'))) items[i].removeAttribute('hidden');
      else items[i].setAttribute('hidden', '');
    }
    var blocks = document.querySelectorAll('.block');
    for (var j = 0; j < blocks.length; j++) {
      if (blocks[j].querySelector('tr[data-verdict]:not([hidden])')) blocks[j].removeAttribute('hidden');
      else blocks[j].setAttribute('hidden', '');
    }
    var buttons = document.querySelectorAll('button[data-filter]');
    for (var k = 0; k < buttons.length; k++) buttons[k].setAttribute('aria-pressed', String(buttons[k].getAttribute('data-filter') === (filter || 'all')));
    document.body.setAttribute('data-filter', filter || 'all');
  }
  function fromHash() {
    var m = /(?:^#|&)filter=([A-Za-z]+)/.exec(window.location.hash);
    return m ? m[1] : 'all';
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('button[data-filter]') : null;
    if (button) {
      var filter = button.getAttribute('data-filter');
      if (window.history && window.history.replaceState) window.history.replaceState(null, '', '#filter=' + filter);
      apply(filter);
      return;
    }
    var link = target && target.closest ? target.closest('a[data-frame]') : null;
    if (link) {
      var row = document.getElementById(link.getAttribute('href').slice(1));
      var details = row ? row.closest('details') : null;
      if (details) details.open = true;
    }
  });
  window.addEventListener('hashchange', function () { apply(fromHash()); });
  apply(fromHash());
})();
`;

export const htmlTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{csp}}">
<title>{{title}}</title>
<style>__STYLE__</style>
</head>
<body data-filter="all">
<header>
<h1>{{title}}</h1>
<p class="sub">{{subtitle}}</p>
{{#if interrupted}}<div class="banner interrupted">Interrupted: the run was stopped before every selected case ran. {{casesDone}}</div>{{/if}}
{{#if partial}}<div class="banner partial">Partial report: the run had not finished when this was written. {{casesDone}}</div>{{/if}}
</header>

<section id="certification">
<h2>Certification summary</h2>
{{#if profiles.length}}
<ul class="profiles">
{{#each profiles}}<li class="{{cls}}">{{line}}</li>
{{/each}}
</ul>
{{else}}<p>No case of this run belongs to a certification profile.</p>{{/if}}
<p id="verdict-sentence">{{sentence}}</p>
</section>
{{#if beyond}}
<section id="beyond">
<h2>Beyond the official catalogue</h2>
<p>{{beyond.sentence}}. Robustness cases test interoperability bugs seen in the field; they belong to no certification profile, so no profile line above counts them.</p>
<table><thead><tr><th>case</th><th>bug</th><th>severity</th><th>verdict</th><th>clause enforced</th><th>not covered</th></tr></thead><tbody>
{{#each beyond.rows}}<tr data-verdict="{{verdict}}"><td class="mono"><a href="#case-{{anchor}}">{{id}}</a></td><td class="mono">{{ib}}</td><td>{{severity}}</td><td><span class="badge {{verdict}}">{{verdictLabel}}</span></td><td>{{clause}}</td><td>{{notCovered}}</td></tr>
{{/each}}</tbody></table>
</section>
{{/if}}
{{#if runFindings.length}}

<section id="run-findings">
<h2>Run-level findings</h2>
<p>Observations that belong to no case's verdict: replies to a CALL after the harness stopped waiting, and what the DUT sent during a cleanup between cases. Each names the case or cleanup that sent the CALL.</p>
<ul>
{{#each runFindings}}<li><strong>{{origin}}</strong> [{{layer}}] {{code}}: {{message}}</li>
{{/each}}
</ul>
</section>
{{/if}}

<section id="run">
<h2>Run and device under test</h2>
<table class="facts">
{{#each facts}}<tr><th>{{label}}</th><td>{{value}}</td></tr>
{{/each}}
</table>
<details><summary>Configuration (secrets redacted)</summary><pre>{{config}}</pre></details>
</section>

<section id="pics">
<h2>PICS</h2>
{{#if pics.note}}<p>{{pics.note}}</p>{{/if}}
{{#if pics.items.length}}
<table class="pics">
<thead><tr><th>PICS item</th><th>value</th></tr></thead>
<tbody>
{{#each pics.items}}<tr><td class="mono">{{id}}</td><td class="mono">{{value}}</td></tr>
{{/each}}
</tbody>
</table>
{{/if}}
</section>

<section id="results">
<h2>Results by block</h2>
<div class="counts filters" role="toolbar" aria-label="filter by verdict">
{{#each filters}}<button type="button" data-filter="{{filter}}" aria-pressed="false">{{label}} ({{count}})</button>
{{/each}}
</div>
{{#each blocks}}
<div class="block">
<h3>{{title}} <span class="meta">— {{sentence}}</span></h3>
<table>
<thead><tr><th style="width:18%">id</th><th>title</th><th style="width:12%">verdict</th><th style="width:10%">duration</th></tr></thead>
<tbody>
{{#each rows}}<tr data-verdict="{{verdict}}"><td class="mono"><a href="#case-{{anchor}}">{{id}}</a></td><td>{{title}}</td><td><span class="badge {{verdict}}">{{verdictLabel}}</span></td><td>{{duration}}</td></tr>
{{/each}}
</tbody>
</table>
</div>
{{/each}}
</section>

<section id="coverage">
<h2>Requirement coverage</h2>
<p>{{coverage.line}}. A requirement takes the worst verdict of the cases that cover it.</p>
{{#if coverage.rows.length}}
<details><summary>By use case ({{coverage.rows.length}} rows)</summary>
<table class="coverage">
<thead><tr><th style="width:12%">use case</th><th style="width:18%">requirement</th><th style="width:14%">state</th><th>cases</th></tr></thead>
<tbody>
{{#each coverage.rows}}<tr><td class="mono">{{useCase}}</td><td class="mono">{{id}}</td><td><span class="badge {{badge}}">{{label}}</span></td><td class="mono">{{cases}}</td></tr>
{{/each}}
</tbody>
</table>
</details>
{{/if}}
</section>

<section id="cases">
<h2>Test cases</h2>
{{#each cases}}
<section class="case v-{{verdict}}" id="case-{{anchor}}" data-verdict="{{verdict}}">
<header><span class="badge {{verdict}}">{{verdictLabel}}</span><h3><span class="mono">{{id}}</span> {{title}}</h3><span class="meta">{{duration}}</span></header>
{{#if message}}<p class="message">{{message}}</p>{{/if}}
<p class="meta">{{blockTitle}} · {{certification}} · applicability: {{applicability}} · started {{startedAt}}</p>{{#if validations}}<p class="meta validations">{{validations}}</p>{{/if}}
{{#if steps.length}}
<h4>Steps</h4>
<table class="steps">
<thead><tr><th style="width:22%">step / check</th><th style="width:9%">result</th><th>expected</th><th>actual</th><th style="width:16%">timing</th></tr></thead>
<tbody>
{{#each steps}}
<tr class="step"><td><strong>{{title}}</strong>{{#if message}}<br><span class="meta">{{message}}</span>{{/if}}</td><td><span class="badge {{verdict}}">{{verdict}}</span></td><td colspan="2"></td><td>{{duration}}</td></tr>
{{#each checks}}<tr class="check {{cls}}"><td>{{description}}{{#if frames.length}}<br><span class="meta">frames {{#each frames}}<a data-frame href="#{{id}}">{{seq}}</a> {{/each}}</span>{{/if}}</td><td>{{result}}</td><td><pre>{{expected}}</pre></td><td><pre>{{actual}}</pre></td><td>{{#if timing}}<span class="timing {{timing.cls}}">{{timing.what}}: measured {{timing.measured}}, allowed {{timing.allowed}}</span>{{/if}}</td></tr>
{{/each}}
{{/each}}
</tbody>
</table>
{{/if}}
{{#if findings.length}}
<h4>Findings</h4>
<table class="findings">
<thead><tr><th>layer</th><th>severity</th><th>code</th><th>action</th><th>message</th><th>frame</th></tr></thead>
<tbody>
{{#each findings}}<tr><td>{{layer}}</td><td>{{severity}}</td><td class="mono">{{code}}</td><td>{{action}}</td><td>{{message}}</td><td>{{#if frame}}<a data-frame href="#{{frame.id}}">{{frame.seq}}</a>{{/if}}</td></tr>
{{/each}}
</tbody>
</table>
{{/if}}
{{#if warnings.length}}
<h4>Warnings</h4>
<ul class="warnings">
{{#each warnings}}<li>{{this}}</li>
{{/each}}
</ul>
{{/if}}
{{#if msc.length}}
<h4>Message sequence</h4>
<div class="msc" role="img" aria-label="message sequence chart">
<div></div><div class="lane-head">{{@root.harnessLane}}</div><div></div><div class="lane-head">{{@root.dutLane}}</div>
{{#each msc}}<div class="t">{{time}}</div><div class="lane"></div><div class="msg {{dir}} k-{{kind}}{{#if bad}} bad{{/if}}" title="frame {{seq}}: {{kind}}{{#if bad}} (a failed check cites it){{/if}}"><span class="label">{{#if bad}}✗ {{/if}}{{label}}</span><span class="line"></span></div><div class="lane"></div>
{{/each}}
{{#each missing}}<div class="t">—</div><div class="lane"></div><div class="msg to-harness missing" title="expected, never seen on the wire"><span class="label">✗ missing: {{this}}</span><span class="line"></span></div><div class="lane"></div>
{{/each}}
</div>
<details class="raw"><summary>Raw frames ({{frames.length}})</summary>
<table class="frames">
<thead><tr><th>#</th><th>time</th><th>direction</th><th>frame</th></tr></thead>
<tbody>
{{#each frames}}<tr id="{{id}}"><td>{{seq}}</td><td class="mono">{{time}}</td><td class="dir">{{dir}}</td><td><pre>{{pretty}}</pre>{{#if raw}}<details class="wire"><summary>as on the wire</summary><pre>{{raw}}</pre></details>{{/if}}</td></tr>
{{/each}}
</tbody>
</table>
</details>
{{/if}}
</section>
{{/each}}
</section>
<footer>{{footer}}</footer>
<script>__SCRIPT__</script>
</body>
</html>
`;
