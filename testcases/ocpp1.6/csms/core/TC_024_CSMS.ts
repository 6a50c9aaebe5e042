/**
 * TC_024_CSMS Start Charging Session Lock Failure (OCTT 1.6 document §3.8.4, Table 139; OCPP 1.6
 * §4.9 StatusNotification, §7.6 ChargePointErrorCode ConnectorLockFailure).
 *
 * After the reusable state Authorized the connector goes Preparing (step 1); the cable is plugged
 * in but the connector cannot lock it, so the Charge Point reports Faulted with errorCode
 * ConnectorLockFailure (step 3). The Central System must take the fault report.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargePoint, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_024_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Basic Actions Non-happy flow',
  title: 'Start Charging Session Lock Failure',
  requirements: ['OCPP 1.6 §4.9', 'OCPP 1.6 §7.6'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Authorized'],
  validations: [
    { step: 1, checks: 'StatusNotification.req Preparing answered' },
    { step: 3, checks: 'StatusNotification.req Faulted, errorCode ConnectorLockFailure answered' },
  ],
  detects: ['status-enum-limited'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await ctx.step('Steps 1-2: StatusNotification.req Preparing → answered', async () => {
      await statusNotification(ctx, connectorId, 'Preparing', 'NoError', { step: 1 });
    });
    await ctx.step('Steps 3-4: cable plugged in, the lock fails: StatusNotification.req Faulted (ConnectorLockFailure) → answered', async () => {
      await statusNotification(ctx, connectorId, 'Faulted', 'ConnectorLockFailure', { step: 3 });
      // No transaction can start on a faulted connector; the authorization is not used.
      chargePoint(ctx).authorizedIdTag = undefined;
    });
  },
});
