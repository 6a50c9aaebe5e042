/**
 * OCPP 1.6 TC_059_CSMS — Remote Start Transaction with Charging Profile. OCTT 1.6 document
 * §3.19.4; OCPP 1.6 §5.11, §3.13.1: the operator makes the Central System start a transaction
 * with a charging profile: RemoteStartTransaction.req for the configured valid idTag and connector,
 * its chargingProfile a Relative TxProfile from startPeriod 0 without transactionId (there is no
 * transaction yet). The harness (as Charge Point) accepts, authorizes the idTag, goes Preparing,
 * starts the transaction and charges; the Central System must accept it all.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorize, checkRemoteStart, checkReply, remoteStartAnswer, startTransaction, statusNotification, triggeredCall } from '../_shared/charge-point.js';
import { checkProfile, limitIn, objOf, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_059_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'SmartCharging',
  title: 'Remote Start Transaction with Charging Profile',
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §3.13.1'],
  certification: [{ profile: 'Smart Charging', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'RemoteStartTransaction.req: the configured valid idTag and connector, chargingProfile TxProfile, Relative, startPeriod 0, without transactionId' },
    { step: 2, checks: 'the Charge Point answers RemoteStartTransaction.conf Accepted' },
    { step: 3, checks: 'the Charge Point sends Authorize.req with the idTag of step 1' },
    { step: 4, checks: 'Authorize.conf idTagInfo.status Accepted' },
    { step: 5, checks: 'StatusNotification.req Preparing for the connector of step 1, answered' },
    { step: 7, checks: 'the Charge Point sends StartTransaction.req with the idTag and connector of step 1' },
    { step: 8, checks: 'StartTransaction.conf idTagInfo.status Accepted' },
    { step: 9, checks: 'StatusNotification.req Charging for the connector of step 1, answered' },
  ],
  detects: ['remote-start-profile-with-transaction-id', 'charging-profile-wrong-purpose', 'charging-profile-wrong-kind', 'remote-start-without-idtoken', 'rejects-valid-token', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    const { connectorId } = ctx.config;
    const idTag = ctx.config.idTokens.valid.idToken;
    const asked = await ctx.step('Steps 1-2: RemoteStartTransaction.req with a TxProfile → Accepted', async () => {
      const params = { connectorId, idTag, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', chargingProfileId: v.chargingProfileId, stackLevel: v.stackLevel, chargingRateUnit: v.chargingRateUnit, startPeriod: 0, limit: limitIn(v.chargingRateUnit, 6) };
      const s = await triggeredCall(ctx, { action: 'RemoteStartTransaction', trigger: 'triggerRequestStartTransaction', params, answer: (c) => remoteStartAnswer(ctx, c.payload), step: 1 });
      checkRemoteStart(ctx, s.payload, s.frames, { step: 1 });
      ctx.check('RemoteStartTransaction.req connectorId is the configured connector', s.payload['connectorId'] === connectorId, { expected: connectorId, actual: s.payload['connectorId'] ?? 'absent', frames: s.frames, step: 1 });
      const profile = objOf(s.payload['chargingProfile']);
      ctx.check('RemoteStartTransaction.req carries a chargingProfile', profile !== undefined, { expected: 'a charging profile', actual: s.payload['chargingProfile'] ?? 'absent', frames: s.frames, step: 1 });
      checkProfile(ctx, profile, 'chargingProfile', { purpose: 'TxProfile', transactionId: 'omitted', kind: ['Relative'], startPeriod: 0 }, { step: 1, frames: s.frames, seenWallMs: ctx.clock.wallMs() });
      checkReply(ctx, 'RemoteStartTransaction', s.reply, 'Accepted', s.frames, 2);
      return s.payload;
    });
    // The Charge Point goes on with what the Central System asked for (§5.11).
    const tag = typeof asked['idTag'] === 'string' ? asked['idTag'] : idTag;
    const connector = typeof asked['connectorId'] === 'number' ? asked['connectorId'] : connectorId;
    await ctx.step('Steps 3-4: Authorize.req with the idTag of step 1 → Accepted', async () => {
      const status = await authorize(ctx, tag, { step: 3 });
      ctx.check('Authorize.conf idTagInfo.status', status === 'Accepted', { expected: 'Accepted', actual: status ?? 'absent', step: 4 });
    });
    await ctx.step('Steps 5-6: StatusNotification.req Preparing → answered', () => statusNotification(ctx, connector, 'Preparing', 'NoError', { step: 5 }));
    await ctx.step('Steps 7-8: StartTransaction.req with the idTag and connector of step 1 → Accepted', async () => {
      const tx = await startTransaction(ctx, tag, connector, { step: 8 });
      ctx.check('StartTransaction.req carried the idTag and connector of step 1', tx.idTag === tag && tx.connectorId === connector, { expected: { idTag: tag, connectorId: connector }, actual: { idTag: tx.idTag, connectorId: tx.connectorId }, step: 7 });
    });
    await ctx.step('Steps 9-10: StatusNotification.req Charging → answered', () => statusNotification(ctx, connector, 'Charging', 'NoError', { step: 9 }));
  },
});
