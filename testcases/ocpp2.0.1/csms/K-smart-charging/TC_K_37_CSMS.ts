/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_37_CSMS: the CSMS starts a transaction remotely with a charging
 * profile: RequestStartTransactionRequest for the configured EVSE and valid idToken, its
 * chargingProfile a Relative TxProfile without transactionId (the transaction does not exist yet;
 * Part 6 lists K05.FR.02, F01.FR.08/09/11). The simulated station accepts and reports the start with
 * triggerReason RemoteStart and the CSMS's remoteStartId.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { obj, reportRemoteStart, stationOf } from '../_shared/station.js';
import { checkProfile } from './profile-checks.js';
import { checkEvse, limitIn, profileParams, smartChargingValues, triggeredRequest } from './support.js';

export default defineTestCase({
  id: 'TC_K_37_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Remote start transaction with charging profile - Success',
  useCases: ['K05', 'F01'],
  requirements: ['K05.FR.02', 'F01.FR.08', 'F01.FR.09', 'F01.FR.11'],
  certification: [{ profile: 'Smart Charging', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'RequestStartTransactionRequest: the configured valid idToken and EVSE, a chargingProfile TxProfile, Relative, without transactionId' },
  ],
  detects: ['remote-start-profile-with-transaction-id', 'charging-profile-wrong-purpose', 'charging-profile-wrong-kind', 'remote-start-without-idtoken', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    const r = await ctx.step('Steps 1-2: the CSMS sends RequestStartTransactionRequest with a charging profile, answered Accepted', async () => {
      const transactionId = stationOf(ctx).transaction?.transactionId;
      const params = {
        ...profileParams(ctx, { chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', limit: limitIn(v.chargingRateUnit, 6) }),
        evseId: ctx.config.evseId,
        idToken: { ...ctx.config.idTokens.valid },
        remoteStartId: Math.floor(Math.random() * 1_000_000) + 1,
      };
      const got = await triggeredRequest(ctx, 'RequestStartTransaction', 'triggerRequestStartTransaction', params, () => ({ status: 'Accepted', ...(transactionId === undefined ? {} : { transactionId }) }));
      ctx.check('RequestStartTransactionRequest.idToken is the configured valid idToken', JSON.stringify(got.call.payload['idToken']) === JSON.stringify({ idToken: ctx.config.idTokens.valid.idToken, type: ctx.config.idTokens.valid.type }), {
        expected: ctx.config.idTokens.valid,
        actual: got.call.payload['idToken'] ?? 'absent',
        frames: got.frames,
        step: 1,
      });
      checkEvse(ctx, got, ctx.config.evseId, 1);
      const profile = obj(got.call.payload['chargingProfile']);
      ctx.check('RequestStartTransactionRequest.chargingProfile is present', profile !== undefined, { expected: 'a charging profile', actual: got.call.payload['chargingProfile'] ?? 'absent', frames: got.frames, step: 1 });
      checkProfile(ctx, profile, 'chargingProfile', { purpose: 'TxProfile', transactionId: 'omitted', kind: ['Relative'] }, { step: 1, frames: got.frames, seenWallMs: got.seenWallMs });
      return got;
    });
    const sent = r.call.payload['remoteStartId'];
    if (typeof sent !== 'number') ctx.fail(`RequestStartTransactionRequest.remoteStartId is not an integer (${JSON.stringify(sent)})`);
    const remoteStartId = sent as number;
    await ctx.step('Steps 3-4: the station reports the start, triggerReason RemoteStart with the remoteStartId', () => reportRemoteStart(ctx, { remoteStartId, idToken: ctx.config.idTokens.valid }, 'Started'));
  },
});
