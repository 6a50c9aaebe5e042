/**
 * The end TC_C_42_CS and TC_C_44_CS share (Part 6 §2.4): with a transaction charging, an idToken of
 * the same group that the CSMS answers Invalid is presented; the station asks (the step given) and
 * the transaction is not stopped (Part 2 C09.FR.11): no TransactionEvent that ends, stops,
 * deauthorizes or suspends it while the OCTT waits.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { checkToken, present, stoppingEvents, type Token } from './auth-support.js';

export async function notStoppedByGroup(ctx: TestContext, invalid: Token, step: number): Promise<void> {
  await ctx.step(`Steps ${step}-${step + 1}: present the invalid idToken of the group; AuthorizeRequest answered Invalid; the transaction goes on`, async () => {
    const from = await present(ctx, invalid);
    const auth = await ctx.expectCall('Authorize', { from, step, describe: 'an AuthorizeRequest for the invalid idToken' });
    checkToken(ctx, auth, invalid, 'AuthorizeRequest', step);
    await ctx.sleep(ctx.config.messageTimeoutMs);
    const stops = stoppingEvents(ctx, from);
    ctx.check('the energy transfer is not stopped (no TransactionEvent ending, stopping or suspending it)', stops.length === 0, {
      expected: 'none',
      actual: stops.length === 0 ? 'none' : stops.map((e) => `${String(e.payload['eventType'])} ${String(e.payload['triggerReason'])}`).join(', '),
      frames: stops.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])),
    });
  });
}
