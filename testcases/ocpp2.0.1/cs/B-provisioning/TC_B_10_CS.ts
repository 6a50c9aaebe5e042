// OCPP 2.0.1 Part 6 §2.3, TC_B_10_CS: SetVariables with two entries, answered in any order.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, rememberValues, resultFor, varData } from './variables.js';

const offlineThreshold = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };
const localAuthorizeOffline = { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline' };

export default defineTestCase({
  id: 'TC_B_10_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Set Variables - multiple values',
  useCases: ['B05'],
  requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03', 'B05.FR.10', 'B05.FR.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetVariables OfflineThreshold = 300 and LocalAuthorizeOffline = true, both Accepted' },
  ],
  detects: ['drops-set-variables-entries', 'set-variables-reboot-required'],
  async run(ctx) {
    await stationReady(ctx);
    await rememberValues(ctx, [offlineThreshold, localAuthorizeOffline]);
    await ctx.step('Steps 1-2: SetVariables OfflineThreshold = 300 and LocalAuthorizeOffline = true, both Accepted', async () => {
      const res = await ctx.callExpect('SetVariables', {
        setVariableData: [varData(offlineThreshold, { attributeValue: '300', attributeType: 'Actual' }), varData(localAuthorizeOffline, { attributeValue: 'true', attributeType: 'Actual' })],
      });
      checkResult(ctx, offlineThreshold, resultFor(ctx, res, 'setVariableResult', offlineThreshold), { attributeStatus: 'Accepted', attributeType: 'Actual', noErrorInfo: true });
      checkResult(ctx, localAuthorizeOffline, resultFor(ctx, res, 'setVariableResult', localAuthorizeOffline), { attributeStatus: 'Accepted', attributeType: 'Actual', noErrorInfo: true });
    });
  },
});
