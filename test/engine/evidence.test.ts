/**
 * Issue #24: a failed check never cites an empty frames list while the case's window holds
 * frames — it gets the nearest candidates (same action first, then the DUT's others) marked as such.
 */
import { expect } from 'chai';
import { actionOfCheck, maxCandidateFrames, nearestCandidates } from '../../src/engine/evidence.js';
import { journalContext, outcome } from '../helpers/journal-context.js';

const checksOf = (ctx: { steps: { checks: { description: string; frames: number[]; ok: boolean; candidates?: boolean }[] }[] }) => ctx.steps.flatMap((s) => s.checks);

describe('engine/evidence', () => {
  it('reads the action a check is about from its description', () => {
    expect(actionOfCheck({ description: 'Receive StatusNotification in order' })).to.equal('StatusNotification');
    expect(actionOfCheck({ description: 'BootNotification answered' })).to.equal('BootNotification');
    expect(actionOfCheck({ description: 'No Authorize for 2 s' })).to.equal('Authorize');
    expect(actionOfCheck({ description: 'connector is Available' })).to.equal(undefined);
  });

  it('a failed check without frames cites the nearest same-action frames, marked as candidates', async () => {
    const { ctx, callIn } = journalContext();
    callIn('Heartbeat'); callIn('StatusNotification', { status: 'Faulted' }); callIn('Heartbeat');
    expect(await outcome(Promise.resolve().then(() => ctx.check('StatusNotification is Available', false, { expected: 'Available', actual: 'Faulted' })))).to.match(/^fail: StatusNotification is Available/);
    const [check] = checksOf(ctx);
    expect(check?.frames).to.deep.equal([2]);
    expect(check?.candidates).to.equal(true);
  });

  it('without a frame of its action it cites the latest DUT frames; a check with frames keeps them unmarked', async () => {
    const { ctx, callIn, journal } = journalContext();
    for (let i = 0; i < maxCandidateFrames + 2; i++) callIn('Heartbeat');
    await outcome(Promise.resolve().then(() => ctx.check('the case saw a transaction', false, { expected: 'one', actual: 'none' })));
    expect(checksOf(ctx)[0]?.frames).to.deep.equal([3, 4, 5, 6, 7]);
    expect(nearestCandidates(journal, 0, 'Authorize')).to.deep.equal([3, 4, 5, 6, 7]);
    const other = journalContext();
    other.callIn('A');
    await outcome(Promise.resolve().then(() => other.ctx.check('named', false, { expected: 'x', actual: 'y', frames: [1] })));
    expect(checksOf(other.ctx)[0]?.candidates).to.equal(undefined);
  });

  it('passing checks, warnings and an empty window stay as recorded', async () => {
    const { ctx, callIn } = journalContext();
    ctx.check('nothing to cite yet', true, { expected: 'x', actual: 'x' });
    await outcome(Promise.resolve().then(() => ctx.check('empty window', false, { expected: 'x', actual: 'y' })));
    callIn('A');
    ctx.check('a warning', false, { expected: 'x', actual: 'y', severity: 'warning' });
    expect(checksOf(ctx).map((c) => [c.frames, c.candidates])).to.deep.equal([[[], undefined], [[], undefined], [[], undefined]]);
  });
});
