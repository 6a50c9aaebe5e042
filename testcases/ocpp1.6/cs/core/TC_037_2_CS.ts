/**
 * OCPP 1.6 TC_037_2_CS — Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId =
 * false (OCTT 1.6 document §2.14.3): the transaction started offline with the invalid idTag is
 * sent once the connection is back and answered Invalid; with StopTransactionOnInvalidId false the
 * charge point keeps the transaction but stops the energy: SuspendedEVSE (1.6 §9.1.32).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/charge-point.js';
import { offlineStart } from './offline-start.js';

export default defineTestCase({
  id: 'TC_037_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Offline behavior Non-Happy Flow',
  title: 'Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = false',
  useCases: ['Start Transaction', 'Status Notification', 'Local Authorization'],
  requirements: ['OCPP 1.6 §3.5', 'OCPP 1.6 §4.8', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'after the reconnection: StatusNotification.req Charging (with the queued StartTransaction.req)' },
    { step: 5, checks: 'after StartTransaction.conf Invalid: StatusNotification.req SuspendedEVSE' },
  ],
  waivers: [
    { step: 2, reason: 'OCTT 1.6 document TC_037_2_CS step 2 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Invalid); the harness answers the configured invalid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['ignores-stop-transaction-on-invalid-id', 'starts-tx-for-invalid-token'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await offlineStart(ctx, ctx.config.idTokens.invalid.idToken, { stopOnInvalid: false }, () =>
      ctx.step('Steps 5-6: StatusNotification.req SuspendedEVSE', async () => {
        const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, step: 5 });
        ctx.check('status is SuspendedEVSE', sn.payload['status'] === 'SuspendedEVSE', { expected: 'SuspendedEVSE', actual: sn.payload['status'], frames: framesOf(sn), step: 5 });
      }),
    );
  },
});
