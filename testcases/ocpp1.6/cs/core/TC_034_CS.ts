/**
 * OCPP 1.6 TC_034_CS — Power Failure with Unavailable Status (OCTT 1.6 document §2.13.3): the
 * whole charge point set Inoperative (ChangeAvailability connectorId 0, Accepted, every connector
 * and connector 0 Unavailable) stays Unavailable over a power cycle: after the BootNotification.req
 * every StatusNotification.req says Unavailable (1.6 §4.9: "the 'Unavailable' status MUST be
 * persistent across reboots", §5.2).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootExpected, fromNow, noteInoperative } from '../_shared/charge-point.js';
import { expectEveryConnector, expectReboot } from './_states-extra.js';

export default defineTestCase({
  id: 'TC_034_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Power Failure Non-Happy Flow',
  title: 'Power Failure with Unavailable Status',
  useCases: ['Change Availability', 'Boot Notification', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.2', 'OCPP 1.6 §4.9'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'ChangeAvailability.conf status Accepted' },
    { step: 3, checks: 'StatusNotification.req Unavailable for every connector and connector 0' },
    { step: 7, checks: 'after the power cycle: StatusNotification.req Unavailable for every connector and connector 0' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_034_CS step 1 validates an own message of the Central System (ChangeAvailability.req connectorId 0, type Inoperative); the harness sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 6, reason: 'OCTT 1.6 document TC_034_CS step 6 validates an own message of the Central System (BootNotification.conf status Accepted); the harness answers every BootNotification so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['availability-not-persistent', 'availability-not-applied'],
  async run(ctx) {
    await ctx.step('Steps 1-2: ChangeAvailability.req connectorId 0 Inoperative: Accepted', async () => {
      fromNow(ctx);
      const res = await ctx.callExpect('ChangeAvailability', { connectorId: 0, type: 'Inoperative' }, { match: { status: 'Accepted' } });
      if (res['status'] === 'Accepted') noteInoperative(ctx, 0, true);
    });
    await ctx.step('Steps 3-4: StatusNotification.req Unavailable per connector and connector 0', () => expectEveryConnector(ctx, () => ['Unavailable'], 3));
    const boot = await ctx.step('Steps 5-6: power cycle: BootNotification.req', async () => {
      bootExpected(ctx, true);
      fromNow(ctx);
      await ctx.dut('powerCycle');
      return expectReboot(ctx);
    });
    await ctx.step('Steps 7-8: StatusNotification.req Unavailable per connector and connector 0 after the boot', async () => {
      ctx.setCursor(Math.max(ctx.cursor(), boot.index + 1));
      await expectEveryConnector(ctx, () => ['Unavailable'], 7);
    });
  },
});
