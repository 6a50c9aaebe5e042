/**
 * What each expectation writes into the report: the frames it looked at, what the DUT sent
 * instead when it missed, and waits that end when a late CALL arrives inside the window.
 */
import { expect } from 'chai';
import { systemClock } from '../../src/clock.js';
import { OcppEndpoint } from '../../src/session/endpoint.js';
import { journalContext, outcome } from '../helpers/journal-context.js';
import { manualClock, scriptedConnection, settle } from '../helpers/scripted-connection.js';

const checks = (ctx: { steps: { checks: { frames: number[]; actual: string; expected: string; ok: boolean }[] }[] }) => ctx.steps.flatMap((s) => s.checks);

describe('engine/context records', () => {
  it('every found CALL is recorded with its frame', async () => {
    const { ctx, callIn } = journalContext();
    callIn('A'); callIn('B'); callIn('C'); callIn('D'); callIn('E');
    await ctx.expectCall('A');
    await ctx.maybeCall('B');
    await ctx.expectAll([{ action: 'C' }]);
    await ctx.expectSequence([{ action: 'D' }, { action: 'E' }]);
    expect(checks(ctx).map((c) => c.frames)).to.deep.equal([[1], [2], [3], [4], [5]]);
    expect(ctx.steps.flatMap((s) => s.checks).map((c) => [c.description, c.actual, c.severity])).to.deep.equal([
      ['Receive A', '{}', 'error'],
      ['Receive B (optional)', '{}', 'warning'],
      ['Receive C', '{}', 'error'],
      ['Receive D in order', '{}', 'error'],
      ['Receive E in order', '{}', 'error'],
    ]);
    expect(checks(ctx).map((c) => c.expected)).to.deep.equal([
      'A with any payload within 30 ms',
      'B (optional)',
      'C with any payload (any order) within 30 ms',
      'D with any payload',
      'E with any payload after D',
    ]);
  });

  it('a miss says what the DUT sent instead: nothing, non-matching ones (last 5 frames), or other actions', async () => {
    const empty = journalContext();
    expect(await outcome(empty.ctx.expectCall('A', { withinMs: 1 }))).to.match(/actual no CALL from the DUT$/);
    const some = journalContext();
    for (let i = 1; i <= 7; i++) some.callIn('A', { n: i });
    some.callIn('B');
    const relaxed = 'test: "in any order" (a relaxed expectation)';
    expect(await outcome(some.ctx.expectCall('A', { match: { n: 99 }, withinMs: 1, anyOrder: relaxed }))).to.match(/actual 7 A not matching, last: \{"n":7\} \(frames 3, 4, 5, 6, 7\)$/);
    expect(checks(some.ctx)[0]!.frames).to.deep.equal([3, 4, 5, 6, 7]);
    const other = journalContext();
    other.callIn('B'); other.callIn('C'); other.callIn('B');
    expect(await outcome(other.ctx.expectAll([{ action: 'A' }], { withinMs: 1 }))).to.equal('fail: Receive A: expected A with any payload (any order) within 1 ms; actual other CALLs only: B, C (frames 1, 2, 3)');
    expect(checks(other.ctx)[0]!.frames).to.deep.equal([1, 2, 3]);
  });

  it('expectAll and expectSequence wait inside their window for a late CALL', async () => {
    for (const kind of ['all', 'sequence'] as const) {
      const { ctx, callIn } = journalContext({}, { clock: systemClock });
      callIn('A', {}, systemClock.monoMs());
      setTimeout(() => callIn('B', {}, systemClock.monoMs()), 20);
      const specs = [{ action: 'A' }, { action: 'B' }];
      const found = kind === 'all' ? await ctx.expectAll(specs, { withinMs: 2000 }) : await ctx.expectSequence(specs, { withinMs: 2000 });
      expect(found.map((f) => f.action), kind).to.deep.equal(['A', 'B']);
    }
  });

  it('expectGap and expectPeriodic wait inside their window for a late CALL', async () => {
    const gap = journalContext({ toleranceMs: 0 }, { clock: systemClock });
    const start = systemClock.monoMs();
    setTimeout(() => gap.callIn('B', {}, systemClock.monoMs()), 20);
    await gap.ctx.expectGap('B', { after: { monoMs: start }, minMs: 0, withinMs: 2000 });
    const per = journalContext({ toleranceMs: 1500 }, { clock: systemClock });
    const first = per.callIn('H', {}, systemClock.monoMs());
    setTimeout(() => per.callIn('H', {}, systemClock.monoMs()), 20);
    const found = await per.ctx.expectPeriodic('H', { periodMs: 100, count: 1, after: { action: 'H', messageId: 'm1', payload: {}, monoMs: systemClock.monoMs(), index: first } });
    expect(found).to.have.length(1);
  });

  it('expectGap only takes a CALL that matches its pattern: strict, a non-matching one first fails; relaxed, it is skipped', async () => {
    const strict = journalContext();
    strict.callIn('B', { n: 1 }, 10_100);
    strict.callIn('B', { n: 2 }, 10_900);
    expect(await outcome(strict.ctx.expectGap('B', { after: { monoMs: 10_000 }, minMs: 500, withinMs: 2000, match: { n: 2 } }))).to.match(/actual a non-matching B came first after 100 ms$/);
    const { ctx, callIn } = journalContext();
    callIn('B', { n: 1 }, 10_100);
    const wanted = callIn('B', { n: 2 }, 10_900);
    const seen = await ctx.expectGap('B', { after: { monoMs: 10_000 }, minMs: 500, withinMs: 2000, match: { n: 2 }, anyOrder: 'test: "may" come after another B' });
    expect(seen.index).to.equal(wanted);
    expect(ctx.steps[0]!.checks[0]!.timing).to.include({ measuredMs: 900, ok: true });
  });

  it('expectPeriodic with a missing beat records the wait without a lower bound and stops', async () => {
    const { ctx, callIn, clock } = journalContext();
    const i = callIn('H', {}, 10_000);
    clock.advance(40);
    const result = await outcome(ctx.expectPeriodic('H', { periodMs: 10, count: 3, toleranceMs: 5, after: { action: 'H', messageId: 'm1', payload: {}, monoMs: 10_000, index: i, frameSeq: 1 } }));
    expect(result).to.equal('fail: H every 10 ms (1/3): expected next H 10 ms ± 5 ms after the previous one; actual none within 15 ms');
    expect(checks(ctx)).to.have.length(1);
    const c = ctx.steps[0]!.checks[0]!;
    expect(c.timing).to.deep.equal({ what: 'interval 1 between Hs', measuredMs: 40, maxMs: 15, toleranceMs: 5, ok: false, between: { from: { frame: 1 } } });
    expect(c.frames).to.deep.equal([1]);
  });

  it('expectPeriodic counts several beats, each against the previous one', async () => {
    const { ctx, callIn } = journalContext();
    callIn('H', {}, 10_000);
    callIn('H', {}, 10_100);
    callIn('H', {}, 10_150);
    const result = await outcome(ctx.expectPeriodic('H', { periodMs: 100, count: 2, toleranceMs: 10 }));
    expect(result).to.match(/^fail: H every 100 ms \(2\/2\): .* actual after 50 ms$/);
    expect(ctx.steps.flatMap((s) => s.checks).map((c) => c.frames)).to.deep.equal([[1], [1, 2], [2, 3]]);
  });

  it('peer() hands out the open endpoint, and asks the link for one by the connect deadline otherwise', async () => {
    const conn = scriptedConnection();
    const open = new OcppEndpoint({ connection: conn, version: '2.0.1', role: 'csms', clock: manualClock() });
    const asked: number[] = [];
    const { ctx } = journalContext({ connectTimeoutMs: 700 }, { link: { current: () => open, ensureConnected: async (deadline) => { asked.push(deadline); return open; } } });
    expect(await ctx.peer()).to.equal(open);
    expect(asked).to.deep.equal([]);
    conn.drop(1006, 'x');
    expect(await ctx.peer()).to.equal(open);
    expect(asked).to.deep.equal([10_700]);
  });

  it('reconnect: default offer text, the agreed subprotocol, and the deadline it passes', async () => {
    const deadlines: number[] = [];
    const { ctx } = journalContext({ connectTimeoutMs: 500 }, { link: { reconnect: async (_o, deadline) => { deadlines.push(deadline); return deadlines.length === 1 ? { connected: true, subprotocol: 'ocpp2.0.1' } : { connected: true, subprotocol: null }; } } });
    await ctx.reconnect();
    await ctx.reconnect({});
    const cs = checks(ctx) as Array<{ actual: string; expected: string; ok: boolean; frames: number[]; description?: string }>;
    expect(cs.map((c) => [c.description, c.actual, c.expected, c.ok, c.frames])).to.deep.equal([
      ['Reconnect offering the run version', 'connected, subprotocol ocpp2.0.1', 'a WebSocket handshake', true, []],
      ['Reconnect offering the run version', 'connected, subprotocol none', 'a WebSocket handshake', true, []],
    ]);
    expect(deadlines).to.deep.equal([10_500, 10_500]);
  });

  it('call() waits the configured message timeout by default, and callExpect gives {} for a non-result', async () => {
    const conn = scriptedConnection();
    const clock = manualClock();
    const peer = new OcppEndpoint({ connection: conn, version: '2.0.1', role: 'csms', clock, newMessageId: () => 'q1' });
    const { ctx } = journalContext({ messageTimeoutMs: 15 }, { peer });
    const started = performance.now();
    const out = await ctx.call('Reset', {});
    expect(out.status).to.equal('timeout');
    expect(performance.now() - started).to.be.within(10, 2000);
    const p = outcome(ctx.callExpect('Reset', {}));
    await settle();
    conn.deliver('[4,"q1","GenericError","",{}]');
    expect(await p).to.match(/^fail: Reset answered/);
  });

  it('dut(): a plain done is recorded as done, under the instruction', async () => {
    const { ctx } = journalContext();
    await ctx.dut('goOffline');
    expect(ctx.steps[0]).to.deep.include({ title: 'DUT action: Take the station offline (break its connection to the CSMS)' });
    expect(ctx.steps[0]!.checks[0]).to.deep.include({ actual: 'done', ok: true, severity: 'warning', frames: [] });
  });
});
