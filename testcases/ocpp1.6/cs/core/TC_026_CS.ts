/**
 * OCPP 1.6 TC_026_CS — Remote Start Charging Session - Rejected. Derived from OCPP 1.6 edition 2
 * §5.2 (ChangeAvailability Inoperative: the connector becomes Unavailable) and §5.11
 * (RemoteStartTransaction.conf says whether the charge point will attempt to start: it cannot on
 * an Unavailable connector, so Rejected). No direct 2.0.1 Part 6 counterpart.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, fromNow, noteInoperative, status } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_026_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote Actions Non-Happy Flow',
  title: 'Remote Start Charging Session – Rejected',
  useCases: ['Change Availability', 'Remote Start Transaction'],
  requirements: ['OCPP 1.6 §5.2', 'OCPP 1.6 §5.11'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'RemoteStartTransaction.conf status Rejected, no StartTransaction.req' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_026_CS step 1 validates an own message of the Central System (RemoteStartTransaction.req for the connector of the reusable state); the harness plays the Central System and sends it so (the harness sends it for the configured connectorId): there is nothing of the charge point to judge in it' },
  ],
  detects: ['accepts-remote-start-when-unavailable'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    await ctx.step('Before: ChangeAvailability.req Inoperative: Accepted, StatusNotification.req Unavailable', async () => {
      fromNow(ctx);
      noteInoperative(ctx, connectorId, true);
      await ctx.callExpect('ChangeAvailability', { connectorId, type: 'Inoperative' }, { match: { status: 'Accepted' } });
      await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Unavailable') });
    });
    await ctx.step('RemoteStartTransaction.req on the Unavailable connector: Rejected, no transaction', async () => {
      fromNow(ctx);
      const since = ctx.cursor();
      await ctx.callExpect('RemoteStartTransaction', { connectorId, idTag }, { match: { status: 'Rejected' } });
      await expectNone(ctx, 'StartTransaction', since);
    });
    await ctx.step('After: ChangeAvailability.req Operative: Accepted, StatusNotification.req Available', async () => {
      fromNow(ctx);
      await ctx.callExpect('ChangeAvailability', { connectorId, type: 'Operative' }, { match: { status: 'Accepted' } });
      noteInoperative(ctx, connectorId, false);
      await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Available') });
    });
  },
});
