/**
 * Issue #12 defect 3: SIGTERM (CI cancel, container stop) killed the process with no report.html
 * and no record of the case in progress; a second Ctrl-C did not force the exit; an interrupted
 * report said `partial: false` and left out the cases that never ran. The real CLI is spawned and
 * signalled; src/cli/signals.ts is also driven directly with a fake signal source.
 */
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleRunSignals, type SignalSource } from '../../src/cli/signals.js';
import { readReport, startCli, tempDirs } from './cli-process.js';

const cases = fileURLToPath(new URL('./fixtures/testcases', import.meta.url));
const quietIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: '/' };

describe('hostile: signals during a run', function () {
  this.timeout(60_000);
  const dirs = tempDirs();
  after(() => dirs.cleanup());

  const startRun = (dir: string): ReturnType<typeof startCli> =>
    startCli(['run', '--ocpp', '2.0.1', '--sut', 'cs', '--testcases', cases, '--case-timeout', '60', '--listen', '127.0.0.1:0', '--dut', 'exec:sleep 30', '--report-dir', dir]);

  for (const [name, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${name}: the case in progress is inconclusive, the rest notRun, every report partial, exit ${code}`, async () => {
      const dir = dirs.make();
      const cli = startRun(dir);
      await cli.waitFor(/connect station CP001/);
      await new Promise((r) => setTimeout(r, 400));
      cli.child.kill(name);
      expect(await cli.exit, cli.err()).to.equal(code);
      const r = readReport(dir);
      expect([r.partial, r.interrupted]).to.deep.equal([true, true]);
      expect(r.tests.map((t) => [t.id, t.verdict])).to.deep.equal([['TC_B_01_CS', 'inconclusive'], ['TC_B_02_CS', 'notRun'], ['TC_B_03_CS', 'notRun']]);
      expect(r.tests[0]!.message).to.match(/interrupted/);
      expect([r.summary.total, r.summary.byVerdict['notRun'], r.summary.byVerdict['inconclusive']]).to.deep.equal([3, 2, 1]);
      const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
      expect(junit).to.match(/tests="3"/).and.match(/<skipped message="not run: /);
      expect(existsSync(join(dir, 'report.html')), 'report.html').to.equal(true);
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).to.include('not run');
      expect(cli.err()).to.include(name);
    });
  }

  it('a second signal flushes report.json and exits at once', async () => {
    const dir = dirs.make();
    const cli = startRun(dir);
    await cli.waitFor(/connect station CP001/);
    await new Promise((r) => setTimeout(r, 400));
    // Two different signals (the kernel merges a pending second one of the same kind). Which of
    // the two the CLI handles first depends on when each is delivered: the exit code is the first
    // one's, the second one forces the flush.
    cli.child.kill('SIGTERM');
    cli.child.kill('SIGINT');
    const code = await cli.exit;
    const first = /^(SIGTERM|SIGINT): finishing the current case/m.exec(cli.err())?.[1];
    expect(first, cli.err()).to.be.oneOf(['SIGTERM', 'SIGINT']);
    const second = first === 'SIGTERM' ? 'SIGINT' : 'SIGTERM';
    expect(code, cli.err()).to.equal(first === 'SIGTERM' ? 143 : 130);
    const r = readReport(dir);
    expect(r.partial).to.equal(true);
    expect(r.tests.map((t) => t.verdict)).to.deep.equal(['inconclusive', 'notRun', 'notRun']);
    expect(cli.err()).to.include(`${second} again: writing report.json and exiting now`);
    expect(r.tests[0]!.message).to.match(/forced exit/);
  });

  it('signals.ts: first signal aborts every registered run, the second forces each flush then one exit', () => {
    const source = new EventEmitter() as EventEmitter & SignalSource;
    const exits: number[] = [];
    const flushed: string[] = [];
    const a = handleRunSignals({ io: quietIo, onForce: () => flushed.push('a'), source, exit: (c) => exits.push(c) });
    const b = handleRunSignals({ io: quietIo, onForce: () => flushed.push('b'), source, exit: (c) => exits.push(c) });
    expect([a.signal.aborted, a.exitCode]).to.deep.equal([false, undefined]);
    source.emit('SIGTERM');
    expect([a.signal.aborted, b.signal.aborted, a.exitCode, b.exitCode]).to.deep.equal([true, true, 143, 143]);
    expect(flushed).to.deep.equal([]);
    source.emit('SIGINT');
    expect(flushed).to.deep.equal(['a', 'b']);
    expect(exits).to.deep.equal([143]);
    a.dispose();
    b.dispose();
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).to.equal(0);
  });
});
