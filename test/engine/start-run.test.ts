/**
 * engine/start-run.ts, the one programmatic entry to a run: the harness as a station against the
 * in-process CSMS simulator over loopback (port 0), with cases defined inline. Events arrive in
 * order, the run model carries the verdicts, abort stops after the current case, and a run that
 * cannot start rejects its result.
 */
import { expect } from 'chai';
import { createServer, type AddressInfo } from 'node:net';
import { defineTestCase, type TestCase } from '../../src/engine/define.js';
import { defaultConfiguredValues, type ConfiguredValues } from '../../src/engine/configured-values.js';
import { defineStates } from '../../src/engine/states.js';
import { startRun } from '../../src/engine/start-run.js';
import { SimAdapter } from '../../src/dut/sim.js';
import { createCsmsSimulator } from '../../src/sim/csms/index.js';

const boot = defineStates({
  version: '2.0.1',
  sut: 'csms',
  states: {
    async Booted(ctx) {
      await ctx.callExpect('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'm', vendorName: 'v' } }, { match: { status: 'Accepted' } });
    },
  },
});

function heartbeatCase(id: string, expectStatus = 'Accepted'): TestCase {
  return defineTestCase({
    id,
    version: '2.0.1',
    sut: 'csms',
    block: 'B',
    title: `heartbeat ${id}`,
    certification: [{ profile: 'Core', need: 'M' }],
    detects: ['test-none'],
    states: ['Booted'],
    async run(ctx) {
      await ctx.step('Heartbeat', async () => {
        const reply = await ctx.callExpect('Heartbeat', {});
        ctx.check('status of the boot as the case expects', expectStatus === 'Accepted', { expected: expectStatus, actual: 'Accepted' });
        return reply;
      });
    },
  });
}

const config: ConfiguredValues = { ...defaultConfiguredValues, messageTimeoutMs: 3_000, connectTimeoutMs: 5_000, caseTimeoutMs: 20_000 };

describe('engine/start-run', () => {
  it('runs the cases, emits ready → caseStart → step → caseEnd in order, and resolves the run model', async () => {
    const csms = createCsmsSimulator({ version: '2.0.1', port: 0 });
    const { url } = await csms.start();
    try {
      const handle = startRun({
        version: '2.0.1',
        endpoint: { sut: 'csms', csmsUrl: url },
        cases: [heartbeatCase('TC_X_01_CSMS'), heartbeatCase('TC_X_02_CSMS', 'Rejected')],
        stateModules: [boot],
        adapter: new SimAdapter(csms),
        config,
        pics: { items: {}, claimAll: true },
        tool: { name: 'test', version: '0' },
      });
      const events: string[] = [];
      handle.on('ready', (r) => events.push(`ready:${r.sut}`));
      handle.on('caseStart', (c) => events.push(`start:${c.id}`));
      handle.on('step', ({ caseId, step }) => events.push(`step:${caseId}:${step.title}:${step.verdict}`));
      handle.on('caseEnd', (r) => events.push(`end:${r.id}:${r.verdict}`));
      handle.on('connection', (c) => events.push(`conn:${c.kind}`));
      const run = await handle.result;
      expect(run.tests.map((t) => t.verdict)).to.deep.equal(['pass', 'fail']);
      const core = events.filter((e) => !e.startsWith('conn:') && !e.includes(':Before'));
      expect(core[0]).to.equal('ready:csms');
      expect(core).to.include.members(['start:TC_X_01_CSMS', 'end:TC_X_01_CSMS:pass', 'end:TC_X_02_CSMS:fail', 'step:TC_X_02_CSMS:Heartbeat:fail']);
      expect(core.indexOf('end:TC_X_01_CSMS:pass')).to.be.lessThan(core.indexOf('start:TC_X_02_CSMS'));
      expect(events).to.include('conn:open');
      // The wire log of the run holds the frames (BootNotification went out).
      expect(handle.wireLog.toJsonLines()).to.include('BootNotification');
    } finally {
      await csms.close();
    }
  });

  it('abort() stops after the current case and marks the run interrupted', async () => {
    const csms = createCsmsSimulator({ version: '2.0.1', port: 0 });
    const { url } = await csms.start();
    try {
      const handle = startRun({
        version: '2.0.1',
        endpoint: { sut: 'csms', csmsUrl: url },
        cases: [heartbeatCase('TC_X_01_CSMS'), heartbeatCase('TC_X_02_CSMS'), heartbeatCase('TC_X_03_CSMS')],
        stateModules: [boot],
        adapter: new SimAdapter(csms),
        config,
        pics: { items: {}, claimAll: true },
        tool: { name: 'test', version: '0' },
      });
      handle.on('caseEnd', () => handle.abort(new Error('stop')));
      const run = await handle.result;
      expect(run.interrupted).to.equal(true);
      // The case that was running ends; the cases not started are listed as notRun (issue #12).
      expect(run.tests.map((t) => t.verdict)).to.deep.equal(['pass', 'notRun', 'notRun']);
      expect(run.partial).to.equal(true);
    } finally {
      await csms.close();
    }
  });

  it('rejects its result when the harness cannot listen (the port is taken)', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const handle = startRun({
        version: '2.0.1',
        endpoint: { sut: 'cs', host: '127.0.0.1', port, path: '/ocpp' },
        cases: [heartbeatCase('TC_X_01_CSMS')],
        adapter: new SimAdapter({ side: 'cs', version: '2.0.1', actions: [], perform: () => Promise.resolve({ done: false, reason: 'none' }), snapshot: () => undefined }),
        config,
        pics: { items: {}, claimAll: true },
        tool: { name: 'test', version: '0' },
      });
      let ready = false;
      handle.on('ready', () => (ready = true));
      let error: unknown;
      await handle.result.catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(Error);
      expect(ready).to.equal(false);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
