/**
 * OCPP 1.6 TC_037_3_CS — Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId =
 * true (OCTT 1.6 document §2.14.4): the transaction started offline with the invalid idTag is
 * sent once the connection is back and answered Invalid; with StopTransactionOnInvalidId true the
 * charge point stops it: StopTransaction.req reason DeAuthorized, Finishing (1.6 §9.1.32, §7.36).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, noteTransactionEnded } from '../_shared/charge-point.js';
import { offlineStart } from './offline-start.js';

export default defineTestCase({
  id: 'TC_037_3_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Offline behavior Non-Happy Flow',
  title: 'Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true',
  useCases: ['Start Transaction', 'Stop Transaction', 'Status Notification', 'Local Authorization'],
  requirements: ['OCPP 1.6 §3.5', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.10', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'after the reconnection: StatusNotification.req Charging (with the queued StartTransaction.req)' },
    { step: 5, checks: 'StopTransaction.req reason DeAuthorized' },
    { step: 7, checks: 'StatusNotification.req Finishing' },
  ],
  waivers: [
    { step: 2, reason: 'OCTT 1.6 document TC_037_3_CS step 2 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Invalid); the harness answers the configured invalid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['starts-tx-for-invalid-token', 'wrong-stop-reason'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await offlineStart(ctx, ctx.config.idTokens.invalid.idToken, { stopOnInvalid: true }, ({ transactionId }) => ctx.step('Steps 5-8: StopTransaction.req reason DeAuthorized, StatusNotification.req Finishing', async () => {
      const [stop, sn] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId } }], { step: 5 });
      noteTransactionEnded(ctx, connectorId);
      ctx.check('transactionId is the one started offline', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop), step: 5 });
      ctx.check('reason is DeAuthorized', stop?.payload['reason'] === 'DeAuthorized', { expected: 'DeAuthorized', actual: stop?.payload['reason'] ?? 'omitted', frames: framesOf(stop), step: 5 });
      ctx.check('status is Finishing', sn?.payload['status'] === 'Finishing', { expected: 'Finishing', actual: sn?.payload['status'], frames: framesOf(sn), step: 7 });
    }));
  },
});
