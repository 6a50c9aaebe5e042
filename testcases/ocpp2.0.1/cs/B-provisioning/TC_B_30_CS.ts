// OCPP 2.0.1 Part 6 §2.3, TC_B_30_CS: while its BootNotification is Rejected the station answers a
// CSMS request (GetBaseReport) with CALLERROR SecurityError.
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { defineTestCase, outcomeWords } from '../../../../src/engine/authoring.js';
import { journalEnd, stationReady } from '../_shared/journal.js';
import { bootAnswer, rebootWithinMs } from './boot.js';

export default defineTestCase({
  id: 'TC_B_30_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Cold Boot Charging Station - Pending/Rejected - SecurityError',
  useCases: ['B03'],
  requirements: ['B03.FR.08'],
  certification: [{ profile: 'Core', need: 'M' }],
  // Part 6 lists no tool validation for this case ("N/a"); step 4 is still what it is about.
  validations: [],
  detects: ['answers-calls-while-rejected'],
  async run(ctx) {
    await stationReady(ctx);
    let boots = 0;
    // Rejected once; the boot that follows the interval is accepted (the general preconditions again).
    ctx.respond('BootNotification', () => bootAnswer(boots++ === 0 ? 'Rejected' : 'Accepted', ctx.config.heartbeatIntervalS));
    let rejected: ObservedCall | undefined;
    await ctx.step('Manual action: reboot; steps 1-2: BootNotification answered Rejected', async () => {
      const from = journalEnd(ctx);
      await ctx.dut('powerCycle');
      rejected = await ctx.expectCall('BootNotification', { from, withinMs: rebootWithinMs(ctx) });
    });
    await ctx.step('Steps 3-4: GetBaseReport FullInventory while Rejected is answered CALLERROR SecurityError', async () => {
      // Wait until our Rejected answer is out, so the request surely falls in the Rejected period.
      await ctx.sleep(100);
      const out = await ctx.call('GetBaseReport', { requestId: Math.floor(Math.random() * 1_000_000) + 1, reportBase: 'FullInventory' });
      // Part 6 note: the request is only sent when the station keeps the connection open.
      if (out.status === 'closed') {
        ctx.check('the station kept the connection open while Rejected', false, { expected: 'an open connection (else Part 6 sends nothing: no verdict on step 4)', actual: outcomeWords(out), severity: 'warning' });
        return;
      }
      ctx.check('answer to GetBaseReport while Rejected', out.status === 'error' && out.errorCode === 'SecurityError', {
        expected: 'CALLERROR SecurityError',
        actual: outcomeWords(out),
        ...((rejected as ObservedCall).frameSeq === undefined ? {} : { frames: [(rejected as ObservedCall).frameSeq as number] }),
      });
    });
  },
});
