/**
 * Issue #24: one slow-to-release session after a reset must not turn into a chain of alternating
 * fail / inconclusive verdicts. The CSMS simulator's late-session-release quirk closes a socket
 * that comes back within 800 ms of the previous session's close, without answering its
 * BootNotification (as the field Central System did); the harness-as-charge-point dials again
 * with a growing back-off, so every case of a run with resets gets the verdict it gets without
 * the quirk — and the trace shows the DUT's close.
 */
import { expect } from 'chai';
import { tmpdir } from 'node:os';
import { runDemo } from '../../src/cli/commands/demo.js';
import type { CliIo } from '../../src/cli/io.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();
const quiet: CliIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: tmpdir() };
const cases = ['TC_001_CSMS', 'TC_003_CSMS', 'TC_013_CSMS', 'TC_010_CSMS', 'TC_014_CSMS', 'TC_012_CSMS'];

describe('late session release (issue #24): the same verdicts with a CSMS that releases sessions late', function () {
  this.timeout(5 * 60_000);
  after(() => temp.removeAll());

  it(`OCPP 1.6 SUT=csms quirk late-session-release: ${cases.join(', ')} as without it, and the DUT's closes are in the trace`, async () => {
    const run = async (quirks: string[]) => (await runDemo({ versions: ['1.6'], suts: ['csms'], defects: [], quirks, only: cases, reportDir: temp.make('ocpp-late-'), reporters: ['json'] }, quiet)).flatMap((r) => r.run?.tests ?? []);
    const plain = await run([]);
    const late = await run(['late-session-release']);
    const verdicts = (tests: typeof plain) => Object.fromEntries(tests.map((t) => [t.id, `${t.verdict}${t.verdict === 'pass' ? '' : ` — ${t.message ?? ''}`}`]));
    expect(Object.keys(verdicts(late)).length).to.equal(cases.length);
    expect(verdicts(late)).to.deep.equal(verdicts(plain));
    // The quirk really acted: the Central System closed fresh sockets, and the traces say who and why.
    const closes = late.flatMap((t) => t.events ?? []).filter((e) => e.event === 'close' && e.closedBy === 'dut' && e.reason === 'previous session not yet released');
    expect(closes.length, 'closes by the late-releasing Central System').to.be.greaterThan(0);
  });
});
