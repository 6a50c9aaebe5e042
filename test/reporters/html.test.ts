/**
 * report.html rendered in headless Chromium (Debian's `chromium`; `.ci/run` installs it): the DOM
 * after our script ran, not just the file text. Without Chromium the browser tests skip with a
 * message, except in CI (CI=true), where a missing browser fails them.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderHtml } from '../../src/reporters/html.js';
import { fixtureRun, xssPayload } from './fixture.js';
import { TempDirs } from '../helpers/temp.js';
import { findChromium } from '../helpers/browser.js';

const temp = new TempDirs();

/** Run headless Chromium with a fresh profile; returns stdout (the DOM for --dump-dom). */
function chromium(browser: string, args: string[]): string {
  const profile = temp.make('ocpp-chromium-');
  try {
    const r = spawnSync(
      browser,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, ...args],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`chromium exited ${r.status}: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The opening tags of elements with `attr="value"`, from a dumped DOM. */
function tagsWith(dom: string, attr: string): string[] {
  return [...dom.matchAll(new RegExp(`<[a-z]+[^>]*\\s${attr}="[^"]*"[^>]*>`, 'g'))].map((m) => m[0]);
}

describe('reporters/html', function () {
  after(() => temp.removeAll());
  this.timeout(120_000);
  const html = renderHtml(fixtureRun());

  it('is one self-contained file: no external URL, one inline script and stylesheet, a CSP that blocks anything else', () => {
    expect(html).not.to.match(/\b(?:src|href)\s*=\s*["']?(?:[a-z]+:)?\/\//i);
    expect(html).not.to.match(/@import|url\(/);
    expect(html.match(/<script\b/g)).to.have.length(1);
    expect(html).to.match(/<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;; script-src &#x27;sha256-(?:[A-Za-z0-9+/]|&#x3D;)+&#x27;/);
  });

  it('escapes DUT text: a frame carrying <script> is shown as text', () => {
    expect(html).not.to.include(xssPayload);
    expect(html).not.to.include('<img src=x');
    expect(html).to.include('&lt;script&gt;document.body.setAttribute(\\&quot;data-pwned\\&quot;');
  });

  it('shows the certification summary first, the PICS, a table per block and every case with steps, timing, chart, frames and findings', () => {
    const order = ['Certification summary', 'Run and device under test', 'PICS', 'Results by block', 'Test cases'].map((h) => html.indexOf(`<h2>${h}</h2>`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).to.equal(true);
    expect(html).to.include('<li class="bad">Core, charging station: 1 of 2 mandatory cases passed; 0 of 1 applicable conditional cases passed</li>');
    expect(html).to.include('<td class="mono">C-01</td><td class="mono">true</td>');
    expect(html).to.include('gap between Heartbeats: measured 9120 ms, allowed 296000 ms – 304000 ms (tolerance 4000 ms included)');
    // The frame a failed check cites is marked on the chart.
    expect(html).to.include('<div class="msg to-harness k-CALL bad" title="frame 9: CALL (a failed check cites it)"><span class="label">✗ Heartbeat</span>');
    expect(html).to.include('<div class="msg to-harness k-CALL" title="frame 1: CALL"><span class="label">BootNotification</span>');
    // Frames indented for reading, the wire text kept beside them.
    expect(html).to.match(/<pre>\[\n {2}2,\n {2}&quot;m1&quot;,\n {2}&quot;BootNotification&quot;/);
    expect(html).to.include('<summary>as on the wire</summary>');
    expect(html).to.include('<tr><th>selection</th><td>every OCPP 2.0.1 _CS case in the catalogue</td></tr>');
    expect(html).to.include('<p>3 requirements: 1 passed, 2 failed, 0 inconclusive, 0 not run. A requirement');
    expect(html).to.include('<tr><td class="mono">B01</td><td class="mono">B01.FR.05</td><td><span class="badge fail">failed</span></td><td class="mono">TC_B_01_CS, TC_B_02_CS</td></tr>');
    expect(html).to.include('<div class="msg to-dut k-CALLERROR" title="frame 10: CALLERROR"><span class="label">Heartbeat error: FormatViolation</span>');
    expect(html).to.include('<td>schema</td><td>error</td><td class="mono">schema.required</td>');
  });

  describe('in headless Chromium', function () {
    let browser: string | undefined;
    let dir: string;
    let file: string;

    before(function () {
      browser = findChromium();
      if (!browser) {
        const message = 'chromium not found: install it (apt-get install -y chromium) to run the browser tests of report.html';
        if (process.env['CI'] === 'true') throw new Error(`${message} — .ci/run installs it; in CI this must not be skipped`);
        console.warn(`      skipped: ${message}`);
        this.skip();
      }
      dir = temp.make('ocpp-html-');
      file = join(dir, 'report.html');
      writeFileSync(file, html);
    });

    it('renders the summary and runs no DUT script', () => {
      const dom = chromium(browser!, ['--dump-dom', pathToFileURL(file).href]);
      expect(dom).to.include('Core, charging station: 1 of 2 mandatory cases passed');
      expect(dom).to.match(/<body data-filter="all"/);
      // The payload is there as text, and did not run: the body has no such attribute.
      expect(dom).to.include('&lt;script&gt;document.body.setAttribute(\\"data-pwned\\",\\"1\\")&lt;/script&gt;');
      expect(dom).not.to.match(/<body[^>]*data-pwned/);
      expect(tagsWith(dom, 'hidden')).to.deep.equal([]);
    });

    it('#filter=fail hides every case and row that did not fail; #filter=problems shows fail, inconclusive and error', () => {
      const failOnly = chromium(browser!, ['--dump-dom', `${pathToFileURL(file).href}#filter=fail`]);
      expect(failOnly).to.match(/<body data-filter="fail"/);
      const visibleCases = tagsWith(failOnly, 'data-verdict').filter((t) => t.startsWith('<section') && !/\shidden=""/.test(t));
      expect(visibleCases.map((t) => /id="([^"]+)"/.exec(t)![1])).to.deep.equal(['case-TC_B_02_CS']);
      const hiddenRows = tagsWith(failOnly, 'data-verdict').filter((t) => t.startsWith('<tr') && /\shidden=""/.test(t));
      expect(hiddenRows).to.have.length(5);
      // Blocks without a failing case disappear; the pressed button says which filter is on.
      expect(tagsWith(failOnly, 'class').filter((t) => t.startsWith('<div class="block"') && /hidden/.test(t))).to.have.length(2);
      expect(failOnly).to.match(/<button type="button" data-filter="fail" aria-pressed="true">/);

      const problems = chromium(browser!, ['--dump-dom', `${pathToFileURL(file).href}#filter=problems`]);
      const shown = tagsWith(problems, 'data-verdict').filter((t) => t.startsWith('<section') && !/\shidden=""/.test(t));
      expect(shown.map((t) => /data-verdict="([^"]+)"/.exec(t)![1])).to.deep.equal(['fail', 'inconclusive', 'error']);
    });

    it('takes a screenshot (test/reporters output: look at it when changing the layout)', () => {
      const png = join(dir, 'report.png');
      chromium(browser!, [`--screenshot=${png}`, '--window-size=1280,2000', '--hide-scrollbars', pathToFileURL(file).href]);
      expect(statSync(png).size).to.be.greaterThan(20_000);
      console.log(`      screenshot: ${png}`);
    });
  });
});
