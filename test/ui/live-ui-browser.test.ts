/**
 * The live UI in a real browser (Debian's Chromium driven by playwright-core): a run against the
 * CSMS simulator with `--dut ui --ui`, watched on the page. The test acts as the lab operator: it
 * reads the prompt card, makes the CSMS simulator do what the card asks (as a person would with
 * the CSMS's own UI), clicks "Done" — and "Cannot do" on the next card — and then sees the
 * verdicts on the page and in report.json.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CliIo } from '../../src/cli/io.js';
import { demoTimings } from '../../src/cli/commands/demo.js';
import { runCommand } from '../../src/cli/commands/run.js';
import type { RunResult } from '../../src/engine/run-model.js';
import { createCsmsSimulator } from '../../src/sim/csms/index.js';
import { chromiumMissing, findChromium, inCi } from '../helpers/browser.js';

/** What a page element carries in data-* attributes (the tests compile without the DOM types). */
type WithDataset = { dataset: Record<string, string | undefined> };

async function nextPrompt(page: Page): Promise<{ action: string; params: Record<string, unknown>; caseId: string }> {
  const card = page.locator('.prompt:not(.answered)').first();
  await card.waitFor({ timeout: 30_000 });
  const data = await card.evaluate((e) => {
    const d = (e as unknown as WithDataset).dataset;
    return { action: d.action ?? '', params: d.params ?? '{}', caseId: d.caseId ?? '' };
  });
  return { action: data.action, params: JSON.parse(data.params) as Record<string, unknown>, caseId: data.caseId };
}

describe('ui: live page in a real browser', function () {
  this.timeout(120_000);
  const executablePath = findChromium();
  let browser: Browser | undefined;
  let dir = '';

  before(async function () {
    if (!executablePath) {
      if (inCi) throw new Error(chromiumMissing);
      this.skip();
    }
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  });
  after(async () => browser?.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocpp-live-ui-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('streams the run, takes the operator’s answers and shows the verdicts', async () => {
    const csms = createCsmsSimulator({ version: '1.6', port: 0, heartbeatIntervalS: demoTimings.heartbeatIntervalS });
    const { url: csmsUrl } = await csms.start();
    const out: string[] = [];
    const err: string[] = [];
    let liveUrl: (url: string) => void = () => undefined;
    const announced = new Promise<string>((resolve) => (liveUrl = resolve));
    const io: CliIo = {
      out: (t) => {
        out.push(t);
        const m = /live UI: open (\S+)/.exec(t);
        if (m?.[1]) liveUrl(m[1]);
      },
      err: (t) => void err.push(t),
      isTty: false,
      env: { ...process.env, NO_COLOR: '1' },
      cwd: dir,
    };
    let result: RunResult | undefined;
    try {
      const run = runCommand(
        { ocpp: '1.6', sut: 'csms', csmsUrl, listen: '127.0.0.1:0', path: '/ocpp', dut: 'ui', ui: '127.0.0.1:0', only: ['TC_013_CSMS', 'TC_014_CSMS'], reportDir: dir, reporter: ['json'] },
        io,
        { configOverrides: demoTimings, onResult: (r) => (result = r) },
      );
      const page = await browser!.newPage();
      await page.goto(await announced);

      // First card: do what it asks on the CSMS, then confirm.
      const first = await nextPrompt(page);
      expect([first.caseId, first.action]).to.deep.equal(['TC_013_CSMS', 'triggerReset']);
      await page.fill('#operator', 'Ana');
      const done = await csms.perform(first.action, first.params);
      expect(done.done, JSON.stringify(done)).to.equal(true);
      await page.locator('.prompt:not(.answered) button.done').first().click();

      // Second card: the operator cannot do it.
      const second = await nextPrompt(page);
      expect(second.caseId).to.equal('TC_014_CSMS');
      await page.locator('.prompt:not(.answered) button.cannot').first().click();

      await page.waitForSelector('body[data-finished="true"]', { timeout: 60_000 });
      const verdicts = await page.$$eval('#cases li', (lis) => lis.map((li) => `${(li as unknown as WithDataset).dataset.caseId} ${(li as unknown as WithDataset).dataset.verdict}`));
      expect(verdicts).to.deep.equal(['TC_013_CSMS pass', 'TC_014_CSMS inconclusive']);
      expect(await page.textContent('#status')).to.match(/^finished: 2 cases, 1 pass, 1 inconclusive/);
      expect(await page.locator('.frame.in').count(), 'frames from the DUT are shown').to.be.greaterThan(0);
      expect(await page.locator('.frame.out summary', { hasText: 'BootNotification' }).count()).to.be.greaterThan(0);
      const answers = await page.locator('.prompt.answered .answer').allTextContents();
      expect(answers, answers.join(' | ')).to.have.length(2);
      expect(answers[0]).to.match(/^done — Ana \(live UI\) at \d{4}-/);
      expect(answers[1]).to.match(/^cannot do — Ana \(live UI\) at \d{4}-/);
      if (process.env.OCPP_CONFORM_SCREENSHOT) await page.screenshot({ path: process.env.OCPP_CONFORM_SCREENSHOT, fullPage: true });
      expect(await run, err.join('\n')).to.equal(1);
    } finally {
      await csms.close();
    }
    // The answers are evidence in the report too.
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunResult;
    expect(report.dutAdapter).to.equal('ui');
    expect(JSON.stringify(report.tests[0]?.steps)).to.include('confirmed by Ana (live UI)');
    expect(report.tests[1]?.verdict).to.equal('inconclusive');
    expect(JSON.stringify(report.tests[1])).to.include('Ana (live UI) answered \\"cannot do\\"');
    expect(result?.tests.length).to.equal(2);
  });
});
