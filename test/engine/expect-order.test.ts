/**
 * Strict order by default (issue #10): a CALL of the awaited action that does not match, arriving
 * before the matching one, fails the expectation and names both frames; `anyOrder` relaxes it
 * only with a quoted clause.
 */
import { expect } from 'chai';
import { checkOrderReason } from '../../src/engine/expect.js';
import { isVerdictSignal } from '../../src/engine/verdict.js';
import { journalContext } from '../helpers/journal-context.js';

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'pass';
  } catch (err) {
    if (isVerdictSignal(err)) return `${err.verdict}: ${err.message}`;
    throw err;
  }
}

const clause = 'Part 6 TC_X_01_CS step 3: "in any order"';

describe('engine/expect strict order', () => {
  it('a wrong one of the same action before the expected one fails, naming both frames', async () => {
    const { ctx, callIn } = journalContext();
    callIn('StatusNotification', { connectorStatus: 'Faulted' });
    callIn('StatusNotification', { connectorStatus: 'Occupied' });
    const result = await outcome(ctx.expectCall('StatusNotification', { match: { connectorStatus: 'Occupied' } }));
    expect(result).to.match(/^fail: Receive StatusNotification: .*strict order.*actual frame 1 StatusNotification \{"connectorStatus":"Faulted"\} came first; the expected one followed as frame 2$/);
    expect(ctx.steps[0]!.checks[0]!.frames).to.deep.equal([1, 2]);
  });

  it('other actions in between do not matter, and the cursor moves past the match', async () => {
    const { ctx, callIn } = journalContext();
    callIn('Heartbeat');
    const want = callIn('StatusNotification', { connectorStatus: 'Occupied' });
    const seen = await ctx.expectCall('StatusNotification', { match: { connectorStatus: 'Occupied' } });
    expect(seen.index).to.equal(want);
    expect(ctx.cursor()).to.equal(want + 1);
  });

  it('anyOrder with a quoted clause skips the wrong one; without a clause it is a harness error', async () => {
    const { ctx, callIn } = journalContext();
    callIn('StatusNotification', { connectorStatus: 'Faulted' });
    const want = callIn('StatusNotification', { connectorStatus: 'Occupied' });
    const seen = await ctx.expectCall('StatusNotification', { match: { connectorStatus: 'Occupied' }, anyOrder: clause });
    expect(seen.index).to.equal(want);
    expect(() => checkOrderReason('because')).to.throw(/needs the official clause/);
    expect(() => checkOrderReason(clause)).not.to.throw();
  });

  it('expectAll tolerates the other specs in any order but not a stray of their action', async () => {
    const a = journalContext();
    a.callIn('S', { n: 2 });
    a.callIn('S', { n: 1 });
    const found = await a.ctx.expectAll([{ action: 'S', match: { n: 1 } }, { action: 'S', match: { n: 2 } }]);
    expect(found.map((f) => f.payload['n'])).to.deep.equal([1, 2]);
    const b = journalContext();
    b.callIn('S', { n: 3 });
    b.callIn('S', { n: 1 });
    expect(await outcome(b.ctx.expectAll([{ action: 'S', match: { n: 1 } }]))).to.match(/\{"n":3\} came first/);
  });

  it('expectSequence fails on a non-matching one of the awaited action between two steps', async () => {
    const { ctx, callIn } = journalContext();
    callIn('A');
    callIn('S', { n: 9 });
    callIn('S', { n: 1 });
    expect(await outcome(ctx.expectSequence([{ action: 'A' }, { action: 'S', match: { n: 1 } }]))).to.match(/^fail: Receive S in order: .*\{"n":9\} came first/);
  });

  it('maybeCall stays lenient: optional messages skip what does not match', async () => {
    const { ctx, callIn } = journalContext();
    callIn('S', { n: 9 });
    const want = callIn('S', { n: 1 });
    expect((await ctx.maybeCall('S', { match: { n: 1 } }))?.index).to.equal(want);
  });

  it('an expectation records the official step it implements', async () => {
    const { ctx, callIn } = journalContext();
    callIn('A');
    await ctx.expectCall('A', { step: 4 });
    ctx.check('field', true, { expected: 1, actual: 1, step: 5 });
    expect(ctx.steps.flatMap((s) => s.checks).map((c) => c.step)).to.deep.equal([4, 5]);
  });
});
