// OCPP 2.0.1 Part 6 §2.3, TC_B_46_CS: the station migrates to connectionData2, the harness turns its
// attempts there away, and after NetworkProfileConnectionAttempts (2) it falls back to the next
// slot of NetworkConfigurationPriority, the primary endpoint, and boots there.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepareVariables } from '../_shared/expect.js';
import { stationReady } from '../_shared/journal.js';
import { attemptsSince, bootedOn, migrate, migrationWithinMs, nextConnection } from './network-profile.js';

export default defineTestCase({
  id: 'TC_B_46_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Migrate to new ConnectionProfile - Fallback mechanism - Same CSMS Root',
  useCases: ['B10'],
  requirements: ['B10.FR.03', 'B10.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetNetworkProfile with connectionData2 for the slot not in use is Accepted' },
    { step: 4, checks: 'NetworkConfigurationPriority with the new slot first is Accepted or RebootRequired' },
    { step: 6, checks: 'Reset OnIdle is Accepted' },
  ],
  detects: ['no-network-fallback', 'ignores-network-priority'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Before: OCPPCommCtrlr.NetworkProfileConnectionAttempts is 2', async () => {
      await prepareVariables(ctx, [{ component: 'OCPPCommCtrlr', variable: 'NetworkProfileConnectionAttempts', value: '2' }]);
    });
    const second = await ctx.openSecondEndpoint();
    // Step 7: the harness does not let the station in at the first slot (the second endpoint).
    second.refuse(true);
    const { from } = await migrate(ctx, second, { profile: { step: 2 }, priority: { step: 4 }, reset: { step: 6 } });
    const back = await ctx.step('Steps 7-8: the attempts at the first slot are turned away; the station falls back to the next slot', async () => {
      const connected = await nextConnection(ctx, second, from, migrationWithinMs(ctx));
      const tried = attemptsSince(ctx, second, from).filter((a) => a.at === 'second' && (connected === undefined || a.entry.index < connected.entry.index));
      ctx.check('attempts at the first slot (connectionData2) before the fallback', tried.length > 0, {
        expected: 'the station tries the new profile first (NetworkProfileConnectionAttempts = 2)',
        actual: tried.length === 0 ? 'no attempt reached the second endpoint' : `${tried.length} attempt(s), turned away`,
      });
      ctx.check('the station connects with the next slot (the primary endpoint, <Configured connectionData>)', connected?.at === 'primary', {
        expected: 'a connection at the primary endpoint',
        actual: connected === undefined ? 'no connection' : `connection ${connected.entry.connectionId} at the ${connected.at} endpoint`,
      });
      return connected;
    });
    if (back) await bootedOn(ctx, back, 'primary endpoint');
  },
});
