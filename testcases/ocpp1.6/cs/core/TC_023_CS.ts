/**
 * OCPP 1.6 TC_023_CS — Start local Charging Session - Authorize invalid. Derived from OCPP 1.6
 * edition 2 §4.1 (a transaction is only started for an idTag with status Accepted) and §4.8, in
 * the shape of 2.0.1 Part 6 TC_C_02_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, plugIn, presentIdTag, status, unplug } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_023_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Basic Actions Non-happy flow',
  title: 'Start Charging Session – Authorize invalid',
  useCases: ['Authorize', 'Start Transaction'],
  requirements: ['OCPP 1.6 §4.1', 'OCPP 1.6 §4.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 1, checks: 'StatusNotification.req Preparing after the cable is plugged in' }],
  waivers: [{ step: 4, reason: 'OCTT 1.6 document TC_023_CS step 4 validates an own message of the Central System (Authorize.conf idTagInfo.status Invalid); the harness plays the Central System and answers the configured invalid idTag so: there is nothing of the charge point to judge in it' }],
  detects: ['starts-tx-for-invalid-token', 'no-authorize'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.invalid.idToken;
    await ctx.step('Before: clear the authorization cache', async () => {
      await ctx.callExpect('ClearCache', {}, { match: { status: 'Accepted' } });
    });
    await ctx.step('Plug in the cable: StatusNotification.req Preparing', async () => {
      await plugIn(ctx, connectorId);
      await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing'), step: 1 });
    });
    await ctx.step('Present an unknown idTag: Authorize.req answered Invalid, no transaction', async () => {
      await presentIdTag(ctx, idTag, connectorId);
      const since = ctx.cursor();
      await ctx.expectCall('Authorize', { match: { idTag } });
      await expectNone(ctx, 'StartTransaction', since);
    });
    await ctx.step('Unplug the cable: StatusNotification.req Available', async () => {
      await unplug(ctx, connectorId);
      await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Available') });
    });
  },
});
