/**
 * OCPP 1.6 TC_037_1_CS — Offline Start Transaction - Valid IdTag (OCTT 1.6 document §2.14.2):
 * a transaction started offline with the valid idTag is sent once the connection is back, the
 * connector reports Charging. The flow is in ./offline-start.ts.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { offlineStart } from './offline-start.js';

export default defineTestCase({
  id: 'TC_037_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Offline behavior Non-Happy Flow',
  title: 'Offline Start Transaction - Valid IdTag',
  useCases: ['Start Transaction', 'Status Notification', 'Local Authorization'],
  requirements: ['OCPP 1.6 §3.5', 'OCPP 1.6 §4.8', 'OCPP 1.6 §3.7'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 3, checks: 'after the reconnection: StatusNotification.req Charging (with the queued StartTransaction.req)' }],
  waivers: [
    { step: 2, reason: 'OCTT 1.6 document TC_037_1_CS step 2 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Accepted); the harness answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['offline-tx-refused'],
  async run(ctx) {
    await offlineStart(ctx, ctx.config.idTokens.valid.idToken);
  },
});
