/**
 * The step context beyond expectations: steps and their verdicts, checks inside and outside a
 * step, calls to the DUT and what they record, the link operations, DUT actions and states.
 */
import { expect } from 'chai';
import { Journal } from '../../src/engine/journal.js';
import { StateRegistry } from '../../src/engine/states.js';
import { CaseContext, fmtMs } from '../../src/engine/context.js';
import { OcppEndpoint } from '../../src/session/endpoint.js';
import { journalContext, outcome } from '../helpers/journal-context.js';
import { manualClock, scriptedConnection, settle } from '../helpers/scripted-connection.js';

function withPeer() {
  const conn = scriptedConnection('p1');
  let n = 0;
  const peer = new OcppEndpoint({ connection: conn, version: '2.0.1', role: 'csms', clock: manualClock(), newMessageId: () => `c${++n}` });
  const jc = journalContext({}, { peer });
  jc.journal.attach(peer);
  return { ...jc, conn, peer };
}

describe('engine/context steps and records', () => {
  it('a step records its title, duration on the case clock, checks, and nests titles', async () => {
    const { ctx, clock } = journalContext();
    const value = await ctx.step('outer', async () => {
      clock.advance(30);
      await ctx.step('inner', async () => { clock.advance(5); ctx.check('x holds', true, { expected: 'x', actual: { x: 1 } }); });
      return 42;
    });
    expect(value).to.equal(42);
    expect(ctx.steps.map((s) => [s.title, s.verdict, s.durationMs, s.startedMonoMs])).to.deep.equal([['outer', 'pass', 35, 10_000], ['outer › inner', 'pass', 5, 10_030]]);
    expect(ctx.steps[1]!.checks).to.deep.equal([{ description: 'x holds', expected: 'x', actual: '{"x":1}', ok: true, severity: 'error', frames: [] }]);
  });

  it('a failed check fails its step with expected vs actual; a failed warning does not', async () => {
    const { ctx } = journalContext();
    await ctx.step('warn', async () => ctx.check('soft', false, { expected: 'a', actual: 'b', severity: 'warning', frames: [3] }));
    expect(ctx.steps[0]!.verdict).to.equal('pass');
    expect(ctx.steps[0]!.checks[0]).to.include({ ok: false, severity: 'warning' });
    const result = await outcome(ctx.step('hard', async () => ctx.check('must', false, { expected: 1, actual: 2 })));
    expect(result).to.equal('fail: must: expected 1; actual 2');
    expect(ctx.steps[1]).to.include({ verdict: 'fail', message: 'must: expected 1; actual 2' });
  });

  it('a check outside any step makes its own step, failed and reported at once', async () => {
    const ended: string[] = [];
    const { ctx, link } = journalContext();
    const ctx2 = new CaseContext({ id: 'X', version: '2.0.1', sut: 'cs', link, adapter: { kind: 'none', perform: async () => ({ done: true }) }, config: ctx.config, pics: ctx.pics, clock: ctx.clock, signal: ctx.signal, states: new StateRegistry(), onStepEnd: (s) => ended.push(`${s.title}:${s.verdict}`) });
    expect(() => ctx2.check('loose', false, { expected: 'e', actual: 'a' })).to.throw('loose: expected e; actual a');
    expect(ctx2.steps.map((s) => [s.title, s.verdict, s.message])).to.deep.equal([['loose', 'fail', 'loose: expected e; actual a']]);
    expect(ended).to.deep.equal(['loose:fail']);
    ctx2.check('fine', true, { expected: 'e', actual: 'e' });
    expect(ctx2.steps).to.have.length(2);
  });

  it('fail / inconclusive end the step with that verdict; a plain error makes it error', async () => {
    const { ctx } = journalContext();
    expect(await outcome(ctx.step('a', async () => ctx.fail('no')))).to.equal('fail: no');
    expect(await outcome(ctx.step('b', async () => ctx.inconclusive('dunno')))).to.equal('inconclusive: dunno');
    let thrown: unknown;
    try { await ctx.step('c', async () => { throw new Error('bug'); }); } catch (err) { thrown = err; }
    expect(thrown).to.be.instanceOf(Error);
    // A case may throw a non-Error (a string): the step still says what it was.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    try { await ctx.step('d', async () => { throw 'text'; }); } catch { /* recorded below */ }
    expect(ctx.steps.map((s) => [s.verdict, s.message])).to.deep.equal([['fail', 'no'], ['inconclusive', 'dunno'], ['error', 'bug'], ['error', 'text']]);
  });

  it('formats durations for people', () => {
    expect([0, 999.6, 1000, 1500, 61_000, -2500].map(fmtMs)).to.deep.equal(['0 ms', '1000 ms', '1 s', '1.50 s', '61 s', '-2.50 s']);
  });
});

describe('engine/context calls to the DUT', () => {
  it('call() records a warning-level check with the outcome and the frames of that message id', async () => {
    const { ctx, conn } = withPeer();
    const p = ctx.call('Reset', { type: 'Immediate' });
    await settle();
    conn.deliver('[4,"c1","NotSupported","nope",{}]');
    const out = await p;
    expect(out.status).to.equal('error');
    const check = ctx.steps[0]!.checks[0]!;
    expect(check).to.deep.include({ description: 'Send Reset', expected: 'a response', actual: 'CALLERROR NotSupported "nope"', ok: true, severity: 'warning', frames: [1] });
  });

  it('call() with no answer says how long it waited and is not ok', async () => {
    const { ctx } = withPeer();
    const out = await ctx.call('Reset', {}, { timeoutMs: 5 });
    expect(out.status).to.equal('timeout');
    expect(ctx.steps[0]!.checks[0]).to.include({ ok: false, actual: 'no response within 0 ms' });
  });

  it('callExpect passes a matching result and returns its payload; fails a mismatch and a CALLERROR', async () => {
    const { ctx, conn } = withPeer();
    const p = ctx.callExpect('Reset', {}, { match: { status: 'Accepted' } });
    await settle();
    conn.deliver('[3,"c1",{"status":"Accepted","x":1}]');
    expect(await p).to.deep.equal({ status: 'Accepted', x: 1 });
    const q = outcome(ctx.callExpect('Reset', {}, { match: { status: 'Accepted' }, describe: 'status Accepted' }));
    await settle();
    conn.deliver('[3,"c2",{"status":"Rejected"}]');
    expect(await q).to.equal('fail: Reset answered: expected a Reset response with status Accepted; actual CALLRESULT {"status":"Rejected"}');
    const r = outcome(ctx.callExpect('Reset', {}));
    await settle();
    conn.deliver('[4,"c3","GenericError","x",{}]');
    expect(await r).to.match(/actual CALLERROR GenericError "x"$/);
  });

  it('a closed connection during a call is described as such', async () => {
    const { ctx, conn } = withPeer();
    const p = ctx.call('Reset', {});
    await settle();
    conn.drop(1006, 'x');
    await p;
    expect(ctx.steps[0]!.checks[0]!.actual).to.equal('the connection closed before a response');
  });

  it('without a connected DUT, peer() is inconclusive after the connect timeout', async () => {
    const { ctx } = journalContext({ connectTimeoutMs: 3000 });
    expect(await outcome(ctx.peer())).to.equal('inconclusive: the DUT is not connected (waited 3 s)');
  });

  it('respond() overrides the harness answer for this case', async () => {
    const { ctx, link } = journalContext();
    ctx.respond('Heartbeat', () => ({ currentTime: 'x' }));
    expect(await link.responders.dispatch({ action: 'Heartbeat', messageId: 'm', payload: {}, findings: [], after: () => undefined })).to.deep.equal({ currentTime: 'x' });
  });
});

describe('engine/context link operations, DUT actions and states', () => {
  it('reconnect records the outcome; the CSMS role cannot reconnect', async () => {
    const offered: string[][] = [];
    const { ctx } = journalContext({}, { link: { reconnect: async (o) => { offered.push(o.subprotocols ?? []); return { connected: false, reason: 'HTTP 401' }; } } });
    expect(await ctx.reconnect({ subprotocols: ['ocpp1.6'] })).to.deep.equal({ connected: false, reason: 'HTTP 401' });
    expect(offered).to.deep.equal([['ocpp1.6']]);
    expect(ctx.steps[0]!.checks[0]).to.include({ description: 'Reconnect offering ocpp1.6', actual: 'not connected: HTTP 401', severity: 'warning' });
    const plain = journalContext();
    let err: unknown;
    try { await plain.ctx.reconnect(); } catch (e) { err = e; }
    expect(String(err)).to.match(/reconnect\(\) is for the station role/);
  });

  it('closeConnection can refuse reconnections first; refuseConnections needs the CSMS role', async () => {
    const log: string[] = [];
    const { ctx } = journalContext({}, { link: { refuseConnections: (r) => log.push(`refuse ${String(r)}`), disconnect: async (code, reason) => { log.push(`close ${code} ${reason}`); } } });
    await ctx.closeConnection({ refuse: true });
    await ctx.closeConnection({ reason: 'why' });
    expect(log).to.deep.equal(['refuse true', 'close 1000 closed by the harness (test case step)', 'close 1000 why']);
    expect(() => journalContext().ctx.refuseConnections(true)).to.throw(/for the CSMS role/);
  });

  it('dut() records what the adapter did, and is inconclusive when it could not', async () => {
    const requests: string[] = [];
    const adapter = { kind: 'scripted', perform: async (r: { instruction: string; testCaseId: string; stationId: string }) => { requests.push(`${r.testCaseId} ${r.stationId} ${r.instruction}`); return requests.length === 1 ? { done: true as const, by: 'operator', detail: 'ok' } : { done: false as const, reason: 'no hands' }; } };
    const { ctx } = journalContext({}, { adapter });
    await ctx.dut('plugIn', { evseId: 1 });
    expect(ctx.steps[0]!.checks[0]).to.deep.include({ actual: 'done (confirmed by operator): ok', ok: true, expected: 'scripted adapter performs it' });
    expect(await outcome(ctx.dut('unplug'))).to.equal('inconclusive: could not get the DUT to act: Unplug the EV cable — no hands');
    expect(requests).to.deep.equal(['TC_T_01_CS CP001 Plug in the EV cable (EV side and station side) (evseId=1)', 'TC_T_01_CS CP001 Unplug the EV cable']);
  });

  it('state() runs a registered state in its own step and refuses an unknown one', async () => {
    const states = new StateRegistry();
    const ran: unknown[] = [];
    states.register('2.0.1', 'cs', 'Booted', async (_c, params) => { ran.push(params); });
    const { ctx, link } = journalContext();
    const ctx2 = new CaseContext({ id: 'X', version: '2.0.1', sut: 'cs', link, adapter: { kind: 'none', perform: async () => ({ done: true }) }, config: ctx.config, pics: ctx.pics, clock: ctx.clock, signal: ctx.signal, states });
    await ctx2.state('Booted', { n: 1 });
    expect(ran).to.deep.equal([{ n: 1 }]);
    expect(ctx2.steps[0]!.title).to.equal('Reusable state Booted');
    let err: unknown;
    try { await ctx2.state('Nope'); } catch (e) { err = e; }
    expect(String(err)).to.include('reusable state Nope is not defined for OCPP 2.0.1 SUT=cs');
  });

  it('journal() starts where the case starts, or earlier when asked; the cursor can be set', () => {
    const clock = manualClock();
    const journal = new Journal(clock);
    journal.add({ kind: 'connected', connectionId: 'c', monoMs: 1 });
    journal.add({ kind: 'connected', connectionId: 'c', monoMs: 2 });
    const { ctx, link } = journalContext();
    const base = { id: 'X', version: '2.0.1' as const, sut: 'cs' as const, link: { ...link, journal }, adapter: { kind: 'none', perform: async () => ({ done: true as const }) }, config: ctx.config, pics: ctx.pics, clock, signal: ctx.signal, states: new StateRegistry() };
    expect(new CaseContext(base).journal()).to.have.length(0);
    expect(new CaseContext({ ...base, journalFrom: 1 }).journal().map((e) => e.monoMs)).to.deep.equal([2]);
    expect(new CaseContext({ ...base, journalFrom: 9 }).journal()).to.have.length(0);
    const c = new CaseContext(base);
    expect(c.startIndex).to.equal(2);
    c.setCursor(1);
    expect(c.cursor()).to.equal(1);
  });
});
