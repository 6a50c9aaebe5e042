/**
 * The live page: one HTML document with inline CSS and one inline script (allowed by its hash in
 * the server's Content-Security-Policy). Everything it shows comes from the event stream and is
 * inserted as text (textContent), never as HTML: frames and titles are DUT input.
 */

export const liveStyle = `
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1b1f24; background: #f6f8fa; }
header { background: #24292f; color: #fff; padding: .6rem 1rem; display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
header h1 { font-size: 1.05rem; margin: 0; }
#status { color: #d0d7de; }
main { display: grid; grid-template-columns: minmax(18rem, 1fr) minmax(22rem, 1.3fr) minmax(22rem, 1.6fr); gap: .8rem; padding: .8rem; }
section { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem; min-height: 8rem; overflow: auto; max-height: calc(100vh - 5rem); }
h2 { font-size: .95rem; margin: 0 0 .4rem; }
ol { margin: 0; padding-left: 1.4rem; }
.v { display: inline-block; min-width: 6.5rem; font-size: .8rem; font-weight: 600; padding: 0 .4rem; border-radius: 3px; text-align: center; margin-right: .4rem; }
.v-pass { background: #dafbe1; color: #1a7f37; } .v-fail, .v-error { background: #ffebe9; color: #cf222e; }
.v-inconclusive { background: #fff8c5; color: #9a6700; } .v-running { background: #ddf4ff; color: #0969da; }
.v-notApplicable, .v-skipped, .v-notRun { background: #eaeef2; color: #57606a; }
.msg { color: #57606a; font-size: .85rem; margin: .1rem 0 .3rem 7rem; }
.prompt { border: 2px solid #0969da; border-radius: 6px; padding: .6rem; margin-bottom: .6rem; background: #ddf4ff; }
.prompt.answered { border-color: #d0d7de; background: #f6f8fa; }
.prompt p { margin: 0 0 .4rem; font-weight: 600; }
.prompt button { font: inherit; padding: .25rem .8rem; margin-right: .4rem; cursor: pointer; }
.check { font-size: .85rem; margin-left: 1rem; } .check.bad { color: #cf222e; }
.frame { font: 12px/1.35 ui-monospace, monospace; border-bottom: 1px solid #eaeef2; padding: .15rem 0; display: flex; gap: .5rem; align-items: baseline; }
.frame .arrow { flex: 0 0 auto; white-space: pre; } .frame details { flex: 1 1 auto; min-width: 0; }
.prompt .msg, .step .msg { margin-left: 0; }
.frame.in .arrow { color: #8250df; } .frame.out .arrow { color: #0969da; }
.frame pre { white-space: pre-wrap; word-break: break-all; margin: .2rem 0 .2rem 1rem; }
.conn { font-size: .8rem; color: #57606a; font-style: italic; }
`;

export const liveScript = `
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('token') || '';
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function chip(verdict) { return el('span', 'v v-' + verdict, verdict); }
  var cases = {};
  var counts = {};
  var framesShown = 0;
  function setStatus(text) { $('status').textContent = text; }
  function caseRow(id) { return cases[id]; }
  function answer(id, value, card) {
    var operator = $('operator').value || 'operator';
    var buttons = card.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    fetch('prompts/' + encodeURIComponent(id), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ocpp-conform-token': token },
      body: JSON.stringify({ answer: value, operator: operator })
    }).then(function (r) { if (!r.ok) card.appendChild(el('div', 'msg', 'not accepted: HTTP ' + r.status)); });
  }
  var handlers = {
    run: function (e) {
      $('title').textContent = e.title;
      setStatus('running, ' + e.planned + ' cases planned, DUT adapter ' + e.dutAdapter);
    },
    caseBegin: function (e) {
      var li = el('li');
      li.dataset.caseId = e.id;
      li.appendChild(chip('running'));
      li.appendChild(el('span', 'id', e.id + '  ' + e.title));
      $('cases').appendChild(li);
      cases[e.id] = li;
      $('current').textContent = '';
      $('current').appendChild(el('h3', '', e.id + ': ' + e.title));
      setStatus('case ' + e.index + ' of ' + e.total + ': ' + e.id);
    },
    step: function (e) {
      var div = el('div', 'step');
      div.appendChild(chip(e.verdict));
      div.appendChild(el('span', '', e.title));
      for (var i = 0; i < e.checks.length; i++) {
        var c = e.checks[i];
        div.appendChild(el('div', 'check' + (c.ok ? '' : ' bad'), (c.ok ? '✓ ' : '✗ ') + c.description + (c.ok ? '' : ': expected ' + c.expected + '; actual ' + c.actual)));
      }
      $('current').appendChild(div);
    },
    caseEnd: function (e) {
      var li = caseRow(e.id);
      if (!li) return;
      li.replaceChild(chip(e.verdict), li.firstChild);
      li.dataset.verdict = e.verdict;
      if (e.message) li.appendChild(el('div', 'msg', e.message));
      counts[e.verdict] = (counts[e.verdict] || 0) + 1;
    },
    frame: function (e) {
      var row = el('div', 'frame ' + e.direction);
      row.dataset.seq = String(e.seq);
      row.appendChild(el('span', 'arrow', e.direction === 'in' ? 'harness ◀── DUT' : 'harness ──▶ DUT'));
      var d = el('details');
      d.appendChild(el('summary', '', '#' + e.seq + ' ' + e.label + (e.truncated ? ' (cut)' : '')));
      d.appendChild(el('pre', '', e.text));
      row.appendChild(d);
      $('frames').appendChild(row);
      if (++framesShown > 1000) { $('frames').removeChild($('frames').firstChild); }
      $('frames').parentNode.scrollTop = $('frames').parentNode.scrollHeight;
    },
    connection: function (e) {
      $('frames').appendChild(el('div', 'conn', e.connectionId + ' ' + e.event + ': ' + e.detail));
    },
    prompt: function (e) {
      var card = el('div', 'prompt');
      card.id = 'prompt-' + e.id;
      // Machine-readable too, for a lab's automation that watches the page.
      card.dataset.action = e.action;
      card.dataset.params = JSON.stringify(e.params);
      card.dataset.caseId = e.testCaseId;
      card.appendChild(el('p', '', e.instruction));
      card.appendChild(el('div', 'msg', e.testCaseId + ' · station ' + e.stationId));
      var done = el('button', 'done', 'Done');
      var cannot = el('button', 'cannot', 'Cannot do');
      done.addEventListener('click', function () { answer(e.id, 'done', card); });
      cannot.addEventListener('click', function () { answer(e.id, 'cannot', card); });
      card.appendChild(done);
      card.appendChild(cannot);
      $('prompts').appendChild(card);
    },
    promptAnswered: function (e) {
      var card = $('prompt-' + e.id);
      if (!card) return;
      card.className = 'prompt answered';
      var buttons = card.querySelectorAll('button');
      for (var i = 0; i < buttons.length; i++) card.removeChild(buttons[i]);
      card.appendChild(el('div', 'msg answer', (e.answer === 'done' ? 'done' : 'cannot do') + ' — ' + e.by + ' at ' + e.atWall + (e.note ? ' (' + e.note + ')' : '')));
    },
    runEnd: function (e) {
      var parts = [];
      for (var k in e.counts) if (e.counts[k] > 0) parts.push(e.counts[k] + ' ' + k);
      setStatus((e.interrupted ? 'interrupted: ' : 'finished: ') + e.total + ' cases, ' + parts.join(', '));
      document.body.dataset.finished = 'true';
    }
  };
  var source = new EventSource('events?token=' + encodeURIComponent(token));
  source.onmessage = function (m) {
    var e = JSON.parse(m.data);
    var h = handlers[e.type];
    if (h) h(e);
  };
  source.onerror = function () {
    if (document.body.dataset.finished === 'true') { source.close(); return; }
    setStatus('connection to the harness lost; retrying…');
  };
})();
`;

export const livePage = (style: string, script: string): string => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ocpp-conform live</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${style}</style></head>
<body>
<header><h1 id="title">ocpp-conform: waiting for the run</h1><span id="status">connecting…</span>
<label style="margin-left:auto">operator <input id="operator" size="12" value="operator"></label></header>
<main>
<section><h2>Cases</h2><ol id="cases"></ol></section>
<section><h2>Operator prompts</h2><div id="prompts"></div><h2>Current case</h2><div id="current"></div></section>
<section><h2>Wire (sequence, newest last)</h2><div id="frames"></div></section>
</main>
<script>${script}</script>
</body></html>
`;
