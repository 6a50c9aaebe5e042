/**
 * The scenario TC_013_CS and TC_014_CS share (OCTT 1.6 document): the configured connector is made
 * Inoperative (steps 1-3), the charge point is reset (steps 5-6) and boots (steps 7-8; optional for a
 * soft reset), reports that connector still Unavailable and connector 0 and the others Available
 * (step 9, only after a boot: 1.6 §5.2, the availability persists across a reset), then is made
 * Operative again (steps 11-13).
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { bootExpected, framesOf, fromNow, noteInoperative, quietMs } from '../_shared/charge-point.js';

const toolStep = (id: string, n: number, what: string): { step: number; reason: string } => ({
  step: n,
  reason: `OCTT 1.6 document ${id} step ${n} validates an own message of the Central System (${what}); the harness plays the Central System and sends it so: there is nothing of the charge point to judge in it`,
});

/** The trace of both cases: what the document validates and which of it is the harness's own message. */
export function resetInoperativeTrace(id: string, type: 'Hard' | 'Soft'): { validations: Array<{ step: number; checks: string }>; waivers: Array<{ step: number; reason: string }> } {
  return {
    validations: [
      { step: 2, checks: 'ChangeAvailability.conf status Accepted' },
      { step: 3, checks: 'StatusNotification.req Unavailable for the configured connector' },
      { step: 6, checks: 'Reset.conf status Accepted' },
      { step: 9, checks: type === 'Soft' ? 'when the soft reset sends a BootNotification.req: the configured connector Unavailable, connector 0 and the others Available' : 'after the boot: the configured connector Unavailable, connector 0 and the others Available' },
      { step: 12, checks: 'ChangeAvailability.conf status Accepted' },
      { step: 13, checks: 'StatusNotification.req Available for the configured connector' },
    ],
    waivers: [
      toolStep(id, 1, 'ChangeAvailability.req Inoperative for the configured connectorId'),
      toolStep(id, 5, `Reset.req type ${type}`),
      toolStep(id, 8, 'BootNotification.conf status Accepted'),
      toolStep(id, 11, 'ChangeAvailability.req Operative for the configured connectorId'),
    ],
  };
}

export async function resetInoperative(ctx: TestContext, type: 'Hard' | 'Soft'): Promise<void> {
  const connectorId = ctx.config.connectorId;
  await ctx.step('Steps 1-4: ChangeAvailability.req Inoperative: Accepted, StatusNotification.req Unavailable', async () => {
    fromNow(ctx);
    noteInoperative(ctx, connectorId, true);
    const res = await ctx.call('ChangeAvailability', { connectorId, type: 'Inoperative' });
    const answer = res.status === 'result' ? res.payload['status'] : res.status;
    ctx.check('ChangeAvailability.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer, step: 2 });
    const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}`, step: 3 });
    ctx.check('status is Unavailable', sn.payload['status'] === 'Unavailable', { expected: 'Unavailable', actual: sn.payload['status'], frames: framesOf(sn), step: 3 });
  });
  await ctx.step(`Steps 5-6: Reset.req type ${type}: Accepted`, async () => {
    fromNow(ctx);
    bootExpected(ctx, true);
    const res = await ctx.call('Reset', { type });
    const answer = res.status === 'result' ? res.payload['status'] : res.status;
    ctx.check('Reset.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer, step: 6 });
  });
  const booted = await ctx.step(`Steps 7-8: the charge point reboots: BootNotification.req, answered Accepted${type === 'Soft' ? ' (optional for a soft reset)' : ''}`, async () => {
    if (type === 'Hard') {
      await ctx.expectCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs });
      bootExpected(ctx, false);
      return true;
    }
    // TC_014_CS step 7: "This message is optional." A charge point that drops the connection is
    // rebooting: its BootNotification is awaited; one that stays connected and sends none within a
    // few tolerances did its soft reset without a boot.
    const since = ctx.cursor();
    const deadline = ctx.clock.monoMs() + quietMs(ctx);
    const seen = (kind: 'boot' | 'drop'): boolean =>
      ctx.journal().some((e) => e.index >= since && (kind === 'boot' ? e.kind === 'callIn' && e.action === 'BootNotification' : e.kind === 'disconnected'));
    while (ctx.clock.monoMs() < deadline && !seen('boot') && !seen('drop')) await ctx.sleep(50);
    const boot = await ctx.maybeCall('BootNotification', { withinMs: seen('drop') ? ctx.config.connectTimeoutMs : 0 });
    bootExpected(ctx, false);
    return boot !== undefined;
  });
  if (booted) {
    await ctx.step('Steps 9-10: the configured connector still Unavailable, connector 0 and the others Available', async () => {
      const others = Array.from({ length: ctx.config.numberOfEvses + 1 }, (_, i) => i).filter((i) => i !== connectorId);
      const found = await ctx.expectAll(
        [{ action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }, ...others.map((i) => ({ action: 'StatusNotification', match: { connectorId: i }, describe: `connectorId ${i}` }))],
        { step: 9 },
      );
      found.forEach((sn, i) => {
        const want = i === 0 ? 'Unavailable' : 'Available';
        ctx.check(`connector ${String(sn.payload['connectorId'])} is ${want}`, sn.payload['status'] === want, { expected: want, actual: sn.payload['status'], frames: framesOf(sn), step: 9 });
      });
    });
  }
  await ctx.step('Steps 11-14: ChangeAvailability.req Operative: Accepted, StatusNotification.req Available', async () => {
    fromNow(ctx);
    const res = await ctx.call('ChangeAvailability', { connectorId, type: 'Operative' });
    const answer = res.status === 'result' ? res.payload['status'] : res.status;
    if (answer === 'Accepted') noteInoperative(ctx, connectorId, false);
    ctx.check('ChangeAvailability.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer, step: 12 });
    const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}`, step: 13 });
    ctx.check('status is Available', sn.payload['status'] === 'Available', { expected: 'Available', actual: sn.payload['status'], frames: framesOf(sn), step: 13 });
  });
}
