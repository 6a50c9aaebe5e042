/** Live progress: in CI a plain line whenever the run was quiet for a while, on a terminal one line redrawn in place. */
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import type { CliIo } from '../../src/cli/io.js';
import { createProgress } from '../../src/cli/progress.js';
import { systemClock } from '../../src/clock.js';
import type { RunHandle } from '../../src/engine/start-run.js';

function fakeHandle(): EventEmitter & RunHandle {
  return new EventEmitter() as EventEmitter & RunHandle;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('cli: live progress', () => {
  it('in CI prints what the running case waits for, whenever nothing else was printed for the quiet time', async () => {
    const lines: string[] = [];
    const io: CliIo = { out: (t) => void lines.push(t), err: (t) => void lines.push(`ERR ${t}`), isTty: false, env: {}, cwd: '.' };
    let now = 0;
    const progress = createProgress(io, { clock: { ...systemClock, monoMs: () => now }, quietMs: 5_000, tickMs: 5 });
    const handle = fakeHandle();
    progress.follow(handle);
    try {
      handle.emit('caseStart', { id: 'TC_B_01_CS', title: 't', index: 2, total: 40 });
      handle.emit('wait', { caseId: 'TC_B_01_CS', wait: { what: 'BootNotification', sinceMono: 0, untilMono: 16_000 } });
      now = 4_000;
      await sleep(30);
      expect(lines, 'nothing before the quiet time').to.deep.equal([]);
      now = 5_000;
      await sleep(30);
      expect(lines).to.deep.equal(['… [3/40] TC_B_01_CS 5.0 s · waiting for BootNotification (5.0 s of 16 s)']);
      progress.io.out('[3/40] pass TC_B_01_CS');
      now = 9_000;
      await sleep(30);
      expect(lines, 'the case line counts as output').to.have.length(2);
      now = 10_100;
      await sleep(30);
      expect(lines.at(-1)).to.equal('… [3/40] TC_B_01_CS 10 s · waiting for BootNotification (10 s of 16 s)');
      handle.emit('connection', { kind: 'rejected', status: 404, reason: 'unknown station identity CP9', path: '/ocpp/CP9' });
      expect(lines.at(-1)).to.equal('ERR connection refused at /ocpp/CP9: HTTP 404 unknown station identity CP9');
      handle.emit('caseEnd', {});
      const count = lines.length;
      now = 30_000;
      await sleep(30);
      expect(lines, 'no case, no progress line').to.have.length(count);
    } finally {
      progress.stop();
    }
  });

  it('on a terminal redraws one status line and clears it before anything else is printed', async () => {
    const raw: string[] = [];
    const io: CliIo = { out: (t) => void raw.push(`${t}\n`), err: (t) => void raw.push(`${t}\n`), isTty: true, env: {}, cwd: '.', write: (t) => void raw.push(t), columns: () => 60 };
    let now = 0;
    const progress = createProgress(io, { clock: { ...systemClock, monoMs: () => now }, tickMs: 5 });
    const handle = fakeHandle();
    progress.follow(handle);
    try {
      handle.emit('caseStart', { id: 'TC_E_41_CS', title: 't', index: 0, total: 1 });
      handle.emit('wait', { caseId: 'TC_E_41_CS', wait: { what: 'the DUT adapter (prompt): Plug in the EV cable (evseId=1, connectorId=1)', sinceMono: 0 } });
      now = 1_500;
      await sleep(30);
      const drawn = raw.filter((t) => t.startsWith('\r\u001b[2K[') && t.includes(' 1.5 s'));
      expect(drawn.length).to.be.greaterThan(1);
      expect(drawn[0]!.length - '\r\u001b[2K'.length).to.be.at.most(59);
      // Cut to the terminal's width, with an ellipsis.
      expect(drawn[0]).to.equal('\r\u001b[2K[1/1] TC_E_41_CS 1.5 s · waiting for the DUT adapter (prom…');
      progress.io.out('a case line');
      expect(raw.slice(-2)).to.deep.equal(['\r\u001b[2K', 'a case line\n']);
    } finally {
      progress.stop();
    }
  });
});
