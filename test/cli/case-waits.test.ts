import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseWaitWarnings } from '../../src/cli/case-waits.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { defaultConfiguredValues } from '../../src/engine/configured-values.js';
import { makeCase } from '../catalogue/support.js';

describe('preflight: case timeout shorter than the waits a case needs (issue #11)', function () {
  this.timeout(20_000);

  it('warns per case, naming the waits, and says nothing when the timeout is enough', () => {
    const tc = makeCase({ id: 'TC_X_01_CS', title: 'Heartbeat', states: ['Booted'] });
    const short = caseWaitWarnings([tc], { ...defaultConfiguredValues, caseTimeoutMs: 60_000 });
    expect(short).to.have.length(1);
    expect(short[0]).to.include('TC_X_01_CS may need').and.include('connect 60 s').and.include('two heartbeat intervals').and.include('its timeout is 60 s');
    expect(caseWaitWarnings([tc], defaultConfiguredValues)).to.deep.equal([]);
  });

  it('run prints the warning before it starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-waits-'));
    const err: string[] = [];
    const io: CliIo = { out: () => undefined, err: (t) => void err.push(t), isTty: false, env: {}, cwd: dir };
    try {
      await main(['node', 'ocpp-conform', 'run', '--ocpp', '1.6', '--sut', 'csms', '--csms-url', 'ws://127.0.0.1:1/ocpp', '--only', 'TC_001_CSMS', '--case-timeout', '5', '--reporter', 'json', '--report-dir', 'r'], io);
      expect(err.join('\n')).to.include('warning: TC_001_CSMS may need').and.include('its timeout is 5 s');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
