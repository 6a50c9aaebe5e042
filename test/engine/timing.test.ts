/**
 * Two-sided timing verdicts (Part 6 §2.1: timing against a declared tolerance, measured vs
 * allowed): too early, exactly at the tolerance, just past it, and how fast an expectation
 * resolves once its frame arrives. Entries carry exact monotonic times; tolerance is 100 ms.
 */
import { expect } from 'chai';
import { systemClock } from '../../src/clock.js';
import { journalContext, outcome } from '../helpers/journal-context.js';

describe('engine/context timing', () => {
  describe('expectGap (minimum interval − tolerance)', () => {
    const gap = async (sentAfterMs: number) => {
      const { ctx, callIn } = journalContext();
      callIn('BootNotification', {}, 10_000 + sentAfterMs);
      const result = await outcome(ctx.expectGap('BootNotification', { after: { monoMs: 10_000, frameSeq: 7 }, minMs: 500, withinMs: 2000 }));
      return { result, check: ctx.steps[0]!.checks[0]! };
    };

    it('fails a DUT that sends too early (399 ms < 500 − 100)', async () => {
      const { result, check } = await gap(399);
      expect(result).to.equal('fail: BootNotification not before 500 ms: expected BootNotification no sooner than 500 ms (− 100 ms tolerance) and within 2 s; actual after 399 ms');
      expect(check.timing).to.deep.equal({ what: 'gap before BootNotification', measuredMs: 399, minMs: 400, maxMs: 2000, toleranceMs: 100, ok: false, between: { from: { frame: 7 }, to: { frame: 1 } } });
      expect(check.frames).to.deep.equal([7, 1]);
    });

    it('passes exactly at the tolerance (400 ms) and later', async () => {
      for (const after of [400, 500, 1900]) {
        const { result, check } = await gap(after);
        expect(result, String(after)).to.equal('pass');
        expect(check.timing).to.include({ measuredMs: after, ok: true });
      }
    });

    it('fails when nothing comes within the window, with what it waited', async () => {
      const { ctx } = journalContext();
      const result = await outcome(ctx.expectGap('BootNotification', { after: { monoMs: 10_000 }, minMs: 5, withinMs: 10 }));
      expect(result).to.equal('fail: BootNotification not before 5 ms: expected BootNotification no sooner than 5 ms (− 100 ms tolerance) and within 10 ms; actual none within 10 ms');
      expect(ctx.steps[0]!.checks[0]!.timing).to.include({ measuredMs: 0, ok: false });
    });

    it('advances the cursor past the CALL it used', async () => {
      const { ctx, callIn } = journalContext();
      const i = callIn('BootNotification', {}, 10_600);
      await ctx.expectGap('BootNotification', { after: { monoMs: 10_000 }, minMs: 500, withinMs: 2000 });
      expect(ctx.cursor()).to.equal(i + 1);
    });
  });

  describe('expectPeriodic (period ± tolerance)', () => {
    const periodic = async (intervalMs: number) => {
      const { ctx, callIn } = journalContext();
      const first = callIn('Heartbeat', {}, 10_000);
      callIn('Heartbeat', {}, 10_000 + intervalMs);
      const prev = { action: 'Heartbeat', messageId: 'm1', payload: {}, monoMs: 10_000, index: first, frameSeq: 1 };
      const result = await outcome(ctx.expectPeriodic('Heartbeat', { periodMs: 1000, count: 1, after: prev }));
      return { result, check: ctx.steps[0]!.checks[0]!, ctx };
    };

    for (const ms of [900, 1000, 1100]) {
      it(`passes an interval of ${ms} ms (within 1000 ± 100, bounds included)`, async () => {
        const { result, check } = await periodic(ms);
        expect(result).to.equal('pass');
        expect(check.timing).to.deep.equal({ what: 'interval 1 between Heartbeats', measuredMs: ms, minMs: 900, maxMs: 1100, toleranceMs: 100, ok: true, between: { from: { frame: 1 }, to: { frame: 2 } } });
        expect(check.frames).to.deep.equal([1, 2]);
      });
    }

    for (const [ms, shown] of [[899, '899 ms'], [1101, '1.10 s']] as const) {
      it(`fails an interval of ${ms} ms with the measured figure`, async () => {
        const { result, check } = await periodic(ms);
        expect(result).to.equal(`fail: Heartbeat every 1 s (1/1): expected next Heartbeat 1 s ± 100 ms after the previous one; actual after ${shown}`);
        expect(check.timing).to.include({ measuredMs: ms, ok: false });
      });
    }

    it('uses the per-call tolerance over the configured one, and moves the cursor', async () => {
      const { ctx, callIn } = journalContext();
      callIn('Heartbeat', {}, 10_000);
      const second = callIn('Heartbeat', {}, 11_250);
      const found = await ctx.expectPeriodic('Heartbeat', { periodMs: 1000, count: 1, toleranceMs: 300 });
      expect(found.map((f) => f.index)).to.deep.equal([second]);
      expect(ctx.cursor()).to.equal(second + 1);
      expect(ctx.steps.flatMap((s) => s.checks).at(-1)!.timing).to.include({ toleranceMs: 300, minMs: 700, maxMs: 1300 });
    });
  });

  describe('cursor: one CALL satisfies one expectation', () => {
    it('expectCall does not match the same CALL twice', async () => {
      const { ctx, callIn } = journalContext();
      callIn('Heartbeat');
      await ctx.expectCall('Heartbeat');
      expect(await outcome(ctx.expectCall('Heartbeat', { withinMs: 5 }))).to.match(/^fail: Receive Heartbeat: expected Heartbeat with any payload within 5 ms; actual no CALL from the DUT$/);
    });

    it('maybeCall consumes what it finds too', async () => {
      const { ctx, callIn } = journalContext();
      callIn('Heartbeat');
      expect(await ctx.maybeCall('Heartbeat')).to.include({ action: 'Heartbeat' });
      expect(await ctx.maybeCall('Heartbeat', { withinMs: 5 })).to.equal(undefined);
    });

    it('expectAll uses each CALL once, in any order, and moves past the last', async () => {
      const { ctx, callIn } = journalContext();
      callIn('StatusNotification', { evseId: 2 });
      const last = callIn('StatusNotification', { evseId: 1 });
      const found = await ctx.expectAll([{ action: 'StatusNotification', match: { evseId: 1 } }, { action: 'StatusNotification' }]);
      expect(found.map((f) => f.payload)).to.deep.equal([{ evseId: 1 }, { evseId: 2 }]);
      expect(ctx.cursor()).to.equal(last + 1);
      expect(await outcome(ctx.expectCall('StatusNotification', { withinMs: 5 }))).to.match(/^fail/);
    });

    it('expectSequence insists on order, and names the one that came too early', async () => {
      const { ctx, callIn } = journalContext();
      callIn('StatusNotification');
      callIn('BootNotification');
      const result = await outcome(ctx.expectSequence([{ action: 'BootNotification' }, { action: 'StatusNotification' }], { withinMs: 5 }));
      expect(result).to.equal('fail: Receive StatusNotification in order: expected StatusNotification with any payload after BootNotification; actual StatusNotification came before BootNotification, not after');
    });

    it('from: an explicit index overrides the cursor', async () => {
      const { ctx, callIn } = journalContext();
      const i = callIn('Heartbeat');
      await ctx.expectCall('Heartbeat');
      expect((await ctx.expectCall('Heartbeat', { from: i })).index).to.equal(i);
    });
  });

  describe('expectNoCall', () => {
    it('passes on silence, counting only CALLs after it started', async () => {
      const { ctx, callIn } = journalContext();
      callIn('Heartbeat');
      await ctx.expectNoCall('Heartbeat', { forMs: 5 });
      expect(ctx.steps[0]!.checks[0]).to.include({ ok: true, actual: 'none received', description: 'No Heartbeat for 5 ms' });
    });

    it('fails when a matching CALL comes, and ignores one that does not match', async () => {
      const { ctx, callIn } = journalContext();
      setTimeout(() => { callIn('Heartbeat', { n: 1 }); callIn('Heartbeat', { n: 2 }); }, 2);
      const result = await outcome(ctx.expectNoCall('Heartbeat', { forMs: 500, match: { n: 2 } }));
      expect(result).to.match(/^fail: No Heartbeat with payload containing \{"n":2\} for 500 ms: expected .*; actual Heartbeat after 500 ms: \{"n":2\}$/);
      expect(ctx.steps[0]!.checks[0]!.frames).to.deep.equal([2]);
    });
  });

  describe('how fast an expectation resolves', () => {
    it('resolves as soon as the CALL is journaled, not at its deadline', async () => {
      const { ctx, callIn } = journalContext({}, { clock: systemClock });
      setTimeout(() => callIn('Heartbeat', {}, systemClock.monoMs()), 10);
      const started = performance.now();
      await ctx.expectCall('Heartbeat', { withinMs: 3000 });
      expect(performance.now() - started).to.be.below(1000);
    });

    it('an abort ends the wait at once as inconclusive', async () => {
      const { ctx, abort } = journalContext({}, { clock: systemClock });
      setTimeout(() => abort.abort(), 10);
      const started = performance.now();
      expect(await outcome(ctx.expectCall('Heartbeat', { withinMs: 3000 }))).to.equal('inconclusive: the run was interrupted');
      expect(performance.now() - started).to.be.below(1000);
    });
  });
});
