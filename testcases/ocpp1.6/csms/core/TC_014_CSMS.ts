/**
 * TC_014_CSMS Soft Reset (OCTT 1.6 document §3.5.2, Table 129; OCPP 1.6 §5.14 Reset, §4.2
 * BootNotification, §4.9 StatusNotification).
 *
 * Without a transaction, the operator makes the Central System reset the Charge Point: the
 * Reset.req type must be Soft (step 1), which the Charge Point accepts (step 2). It restarts (the
 * connection drops and comes back), boots again, which the Central System must accept (step 4),
 * and reports connector 0 and every connector Available (step 5).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootNotification, checkReply, generalPreconditions, reboot, reportAllConnectors, triggeredCall } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_014_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Resetting Happy Flow',
  title: 'Soft Reset',
  requirements: ['OCPP 1.6 §5.14', 'OCPP 1.6 §4.2'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'Reset.req type Soft' },
    { step: 2, checks: 'Reset.conf Accepted: a Reset of a known type is one the Charge Point accepts' },
    { step: 4, checks: 'BootNotification.conf status Accepted' },
    { step: 5, checks: 'StatusNotification.req Available for connector 0 and every connector answered' },
  ],
  detects: ['ignores-trigger', 'reset-wrong-type', 'boot-always-pending'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step('Steps 1-2: Reset.req type Soft → Reset.conf Accepted', async () => {
      // OCPP 1.6 §5.14: a Charge Point accepts a Reset of either type (Hard, Soft) when it can restart.
      const call = await triggeredCall(ctx, { action: 'Reset', trigger: 'triggerReset', params: { type: 'Soft' }, answer: (c) => ({ status: c.payload.type === 'Hard' || c.payload.type === 'Soft' ? 'Accepted' : 'Rejected' }), step: 1 });
      ctx.check('Reset.req type', call.payload.type === 'Soft', { expected: 'Soft', actual: call.payload.type ?? 'absent', frames: call.frames, step: 1 });
      checkReply(ctx, 'Reset', call.reply, 'Accepted', call.frames, 2);
    });
    await ctx.step('The Charge Point restarts: the connection closes and opens again', async () => {
      await reboot(ctx, 'Soft reset');
    });
    await ctx.step('Steps 3-4: BootNotification.req → BootNotification.conf status Accepted', async () => {
      await bootNotification(ctx, { step: 4 });
    });
    await ctx.step('Steps 5-6: StatusNotification.req Available per connector and connectorId 0 → answered', async () => {
      await reportAllConnectors(ctx, { step: 5 });
    });
  },
});
