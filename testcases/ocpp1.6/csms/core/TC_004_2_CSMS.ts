/**
 * TC_004_2_CSMS Regular Charging Session - Identification First - ConnectionTimeOut (OCTT 1.6
 * document §3.2.3, Table 120; OCPP 1.6 §4.9 StatusNotification, §9.1.6 ConnectionTimeOut).
 *
 * After the reusable state Authorized the connector goes Preparing (step 1); no cable comes within
 * the Charge Point's ConnectionTimeOut, so the connector is Available again (step 3) without a
 * transaction. The Central System must take both statuses.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargePoint, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_004_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Start Charging Session',
  title: 'Regular Charging Session – Identification First - ConnectionTimeOut',
  requirements: ['OCPP 1.6 §4.9', 'OCPP 1.6 §9.1.6'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Authorized'],
  validations: [
    { step: 1, checks: 'StatusNotification.req Preparing answered' },
    { step: 3, checks: 'after the ConnectionTimeOut, StatusNotification.req Available answered' },
  ],
  detects: ['preparing-to-available-error'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await ctx.step('Steps 1-2: StatusNotification.req Preparing → answered', async () => {
      await statusNotification(ctx, connectorId, 'Preparing', 'NoError', { step: 1 });
    });
    await ctx.step('Steps 3-4: the ConnectionTimeOut expires, StatusNotification.req Available → answered', async () => {
      const timeoutS = Number(chargePoint(ctx).configuration.get('ConnectionTimeOut')?.value ?? '0');
      await ctx.sleep(Math.max(0, timeoutS) * 1000);
      chargePoint(ctx).authorizedIdTag = undefined;
      await statusNotification(ctx, connectorId, 'Available', 'NoError', { step: 3 });
    });
  },
});
