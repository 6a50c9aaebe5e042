/**
 * TC_014_CSMS Soft Reset (OCPP 1.6 edition 2 §5.14 Reset, §4.2 BootNotification, §4.9 StatusNotification;
 * shape of 2.0.1 Part 6 TC_B_20_CSMS).
 *
 * Without a transaction, the operator makes the Central System reset the Charge Point with type
 * Soft. The harness accepts, restarts (the connection drops and comes back), boots again and
 * reports its connectors; the Central System must accept the new boot.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { answered, answerWith, bootNotification, reboot, reportAllConnectors } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_014_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Resetting Happy Flow',
  title: 'Soft Reset',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'Reset.req type Soft' },
    { step: 4, checks: 'BootNotification.conf status Accepted' },
  ],
  waivers: [
    { step: 2, reason: 'OCTT 1.6 document TC_014_CSMS step 2 validates an own message of the Charge Point (Reset.conf status Accepted); the harness plays the Charge Point and sends it so: there is nothing of the Central System to judge in it' },
    { step: 5, reason: 'OCTT 1.6 document TC_014_CSMS step 5 validates an own message of the Charge Point (StatusNotification.req Available after the boot); the harness plays the Charge Point and sends it so: there is nothing of the Central System to judge in it' },
  ],
  detects: ['ignores-trigger', 'reset-wrong-type'],
  async run(ctx) {
    await ctx.step('1-2. Reset with type Soft → Accepted', async () => {
      const sent = answerWith(ctx, 'Reset', () => ({ status: 'Accepted' }));
      await ctx.dut('triggerReset', { type: 'Soft' });
      const call = await ctx.expectCall('Reset');
      ctx.check('Reset.req type', call.payload.type === 'Soft', { expected: 'Soft', actual: call.payload.type ?? 'absent', frames: call.frameSeq === undefined ? [] : [call.frameSeq] });
      await answered(ctx, sent);
    });
    await ctx.step('3. The Charge Point restarts: connection closed and opened again', async () => {
      await reboot(ctx, 'Soft reset');
    });
    await ctx.step('4-5. BootNotification → Accepted', async () => {
      await bootNotification(ctx);
    });
    await ctx.step('6-7. StatusNotification for connector 0 and every connector → acknowledged', async () => {
      await reportAllConnectors(ctx);
    });
  },
});
