/**
 * TC_C_47/49_CSMS (C16): two sessions charge, on the configured EVSE with the valid idToken and on a
 * second EVSE with the second valid one. The Master Pass card is presented; the CSMS must
 * authorize it as a Master Pass (Accepted, groupIdToken the configured MasterPassGroupId), and take
 * the TransactionEvent Ended (stoppedReason MasterPass) of both sessions. The document lists no tool
 * validations for these two cases; the Authorize answer is what C16 is about, so it is judged
 * (without a step number), and every event must be answered.
 */
import type { IdTokenValue, TestContext } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';
import { authorize, configuredToken, endSecondSession, groupOf, secondEvent, startSecondSession, statusOf } from './support.js';

export async function masterPassStopsAll(ctx: TestContext, endedWith: (master: IdTokenValue) => IdTokenValue): Promise<void> {
  const master = configuredToken(ctx, 'masterPass');
  const second = configuredToken(ctx, 'validSameGroup');
  await ctx.state('EnergyTransferStarted');
  const other = await ctx.step('Reusable state EnergyTransferStarted on the second EVSE with the second valid idToken', () => startSecondSession(ctx, second));
  await ctx.step('Steps 1-2: Authorize the Master Pass idToken', async () => {
    const j = await authorize(ctx, master);
    ctx.check('AuthorizeResponse.idTokenInfo.status is Accepted', statusOf(j) === 'Accepted', { expected: 'Accepted', actual: statusOf(j) ?? 'no idTokenInfo', frames: j.frames });
    ctx.check('AuthorizeResponse.idTokenInfo.groupIdToken.idToken is the configured MasterPassGroupId', groupOf(j) === ctx.config.masterPassGroupId, {
      expected: ctx.config.masterPassGroupId,
      actual: groupOf(j) ?? 'absent',
      frames: j.frames,
    });
  });
  await ctx.step('Steps 3-4: TransactionEvent Ended (MasterPass) for both EVSEs', async () => {
    const token = endedWith(master);
    await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'StopAuthorized', chargingState: 'EVConnected', stoppedReason: 'MasterPass', idToken: token });
    await secondEvent(ctx, other, 'Ended', 'StopAuthorized', { chargingState: 'EVConnected', stoppedReason: 'MasterPass' }, token);
  });
  await endSecondSession(ctx, other);
}
