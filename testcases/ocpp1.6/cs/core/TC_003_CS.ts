/**
 * OCPP 1.6 TC_003_CS — Regular Charging Session - Plugin First. Derived from OCPP 1.6 edition 2
 * §4.1 (Authorize), §4.8 (StartTransaction), §4.9 (StatusNotification: Available → Preparing →
 * Charging → Finishing → Available) and §4.10 (StopTransaction, reason Local may be omitted),
 * in the shape of 2.0.1 Part 6 TC_E_02_CS (cable plugged in first).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectChargingStatus, framesOf, noteTransaction, noteTransactionEnded, plugIn, presentIdTag, status, unplug } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_003_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Start Charging Session',
  title: 'Regular Charging Session - Plugin First',
  useCases: ['Authorize', 'Start Transaction', 'Status Notification', 'Stop Transaction'],
  requirements: ['OCPP 1.6 §4.1', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.9', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'StatusNotification.req Preparing after the cable is plugged in' },
    { step: 7, checks: 'StatusNotification.req Charging (SuspendedEV/SuspendedEVSE, 1.6 §7.7 transaction states, pass with a warning)' },
  ],
  waivers: [
    { step: 4, reason: 'OCTT 1.6 document TC_003_CS step 4 validates an own message of the Central System (Authorize.conf idTagInfo.status Accepted); the harness plays the Central System and sends it so (the configured valid idTag is Accepted in the token table of the run): there is nothing of the charge point to judge in it' },
    { step: 6, reason: 'OCTT 1.6 document TC_003_CS step 6 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Accepted); the harness plays the Central System and sends it so (the configured valid idTag is Accepted in the token table of the run): there is nothing of the charge point to judge in it' },
  ],
  detects: ['no-status-on-plug', 'no-authorize', 'wrong-stop-reason'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;

    await ctx.step('Before: clear the authorization cache (the idTag must be authorized online)', async () => {
      await ctx.callExpect('ClearCache', {}, { match: { status: 'Accepted' } });
    });
    await ctx.step('Plug in the cable: StatusNotification.req Preparing', async () => {
      await plugIn(ctx, connectorId);
      await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
    });
    const transactionId = await ctx.step('Present a valid idTag: Authorize.req, StartTransaction.req, status Charging', async () => {
      await presentIdTag(ctx, idTag, connectorId);
      const mark = ctx.cursor();
      const auth = await ctx.expectCall('Authorize', { match: { idTag } });
      const start = await ctx.expectCall('StartTransaction', { match: { connectorId } });
      ctx.check('StartTransaction.req idTag is the authorized one', start.payload['idTag'] === auth.payload['idTag'], { expected: idTag, actual: start.payload['idTag'], frames: framesOf(auth, start) });
      ctx.check('meterStart is an integer (Wh)', Number.isInteger(start.payload['meterStart']), { expected: 'integer', actual: start.payload['meterStart'], frames: framesOf(start) });
      await expectChargingStatus(ctx, connectorId, { from: mark });
      return noteTransaction(ctx, start);
    });
    await ctx.step('Present the idTag again: StopTransaction.req (reason Local), status Finishing', async () => {
      await presentIdTag(ctx, idTag, connectorId);
      const [stop] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: status(connectorId, 'Finishing') }]);
      noteTransactionEnded(ctx, connectorId);
      ctx.check('StopTransaction.req transactionId is the one of StartTransaction.conf', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop) });
      const reason = stop?.payload['reason'];
      ctx.check('reason is Local (or omitted, meaning Local)', reason === undefined || reason === 'Local', { expected: 'Local or absent', actual: reason ?? 'absent', frames: framesOf(stop) });
    });
    await ctx.step('Unplug the cable: StatusNotification.req Available', async () => {
      await unplug(ctx, connectorId);
      await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Available') });
    });
  },
});
