// OCPP 2.0.1 Part 6 §2.3, TC_B_43_CS: SetNetworkProfile for a configuration slot the station does
// not have (999) is Rejected.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { connectionData } from './network-profile.js';

export default defineTestCase({
  id: 'TC_B_43_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Set new NetworkConnectionProfile - Rejected',
  useCases: ['B09'],
  requirements: ['B09.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'SetNetworkProfile for configurationSlot 999 is Rejected' }],
  detects: ['network-profile-any-slot-accepted'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Steps 1-2: SetNetworkProfile for configurationSlot 999 is Rejected', async () => {
      const res = await ctx.callExpect('SetNetworkProfile', { configurationSlot: 999, connectionData: connectionData(ctx) });
      ctx.check('SetNetworkProfileResponse status', res['status'] === 'Rejected', { expected: 'Rejected', actual: res['status'] ?? 'absent', step: 2 });
    });
  },
});
