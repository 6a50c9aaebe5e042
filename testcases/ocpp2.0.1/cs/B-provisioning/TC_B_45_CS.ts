// OCPP 2.0.1 Part 6 §2.3, TC_B_45_CS: after SetNetworkProfile for the slot not in use, the new slot
// first in NetworkConfigurationPriority and a reboot, the station connects with connectionData2
// (the harness's second endpoint, same CSMS root) and boots there.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { bootedOn, migrate, migrateBack, migrationWithinMs, nextConnection, type Migration } from './network-profile.js';

export default defineTestCase({
  id: 'TC_B_45_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Migrate to new ConnectionProfile - Success - Same CSMS Root',
  useCases: ['B09', 'B10'],
  requirements: ['B09.FR.01', 'B10.FR.01', 'B10.FR.04', 'B10.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetNetworkProfile with connectionData2 for the slot not in use is Accepted' },
    { step: 4, checks: 'NetworkConfigurationPriority with the new slot first is Accepted or RebootRequired' },
    { step: 6, checks: 'Reset OnIdle is Accepted' },
  ],
  detects: ['ignores-network-priority'],
  async run(ctx) {
    await stationReady(ctx);
    const second = await ctx.openSecondEndpoint();
    let migration: Migration | undefined;
    try {
      migration = await migrate(ctx, second, { profile: { step: 2 }, priority: { step: 4 }, reset: { step: 6 } });
      const from = migration.from;
      const connected = await ctx.step('Step 7: the station connects with connectionData2 (the second endpoint)', async () => {
        const first = await nextConnection(ctx, second, from, migrationWithinMs(ctx));
        ctx.check('where the station connected after the reboot', first?.at === 'second', {
          expected: `a connection at ${second.ocppCsmsUrl}`,
          actual: first === undefined ? 'no connection' : first.at === 'second' ? `connection ${first.entry.connectionId} at the second endpoint` : `it connected to the primary endpoint again (connection ${first.entry.connectionId})`,
        });
        return first;
      });
      if (connected) await bootedOn(ctx, connected, 'second endpoint');
    } finally {
      await migrateBack(ctx, second, migration);
    }
  },
});
