/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_48_CSMS: a station with a user interface; the Master Pass holder
 * picks one transaction, which the simulated station ends (stoppedReason MasterPass, the Master
 * Pass idToken). Both answers must be Accepted with the configured MasterPassGroupId.
 *
 * Step 1 of the document names the configured valid idToken, yet its step 2 validation wants the
 * MasterPassGroupId in the answer, which only the Master Pass card has (the valid one belongs to
 * the configured groupId); followed to the letter, every compliant CSMS would fail. We present the
 * Master Pass idToken, as the title, step 3 and the validation mean.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorize, configuredToken, groupOf, statusOf, transactionEvent, type Judged } from './support.js';

export default defineTestCase({
  id: 'TC_C_48_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Stop Transaction with a Master Pass - With UI - With UI - Specific transactions',
  useCases: ['C16'],
  requirements: ['C16.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 2, checks: 'AuthorizeResponse (Master Pass idToken): status Accepted, groupIdToken.idToken the configured MasterPassGroupId' },
    { step: 4, checks: 'TransactionEventResponse (Ended, MasterPass): status Accepted, groupIdToken.idToken the configured MasterPassGroupId' },
  ],
  detects: ['master-pass-as-plain-token', 'group-id-missing'],
  async run(ctx) {
    const master = configuredToken(ctx, 'masterPass');
    const judge = (what: string, j: Judged, step: number): void => {
      ctx.check(`${what}: idTokenInfo.status is Accepted`, statusOf(j) === 'Accepted', { expected: 'Accepted', actual: statusOf(j) ?? 'no idTokenInfo', frames: j.frames, step });
      ctx.check(`${what}: idTokenInfo.groupIdToken.idToken is the configured MasterPassGroupId`, groupOf(j) === ctx.config.masterPassGroupId, {
        expected: ctx.config.masterPassGroupId,
        actual: groupOf(j) ?? 'absent',
        frames: j.frames,
        step,
      });
    };
    await ctx.step('Steps 1-2: Authorize the Master Pass idToken', async () => judge('AuthorizeResponse', await authorize(ctx, master), 2));
    await ctx.step('Steps 3-4: TransactionEvent Ended (MasterPass) for the selected transaction', async () => {
      judge('TransactionEventResponse', await transactionEvent(ctx, { eventType: 'Ended', triggerReason: 'StopAuthorized', chargingState: 'EVConnected', stoppedReason: 'MasterPass', idToken: master }), 4);
    });
  },
});
