// OCPP 2.0.1 Part 6 §2.3, TC_B_07_CS: GetVariables with two entries, answered in any order.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepareVariables } from '../_shared/expect.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, resultFor, varData } from './variables.js';

const offlineThreshold = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };
const localAuthorizeOffline = { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline' };

export default defineTestCase({
  id: 'TC_B_07_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Variables - multiple values',
  useCases: ['B06'],
  requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03', 'B06.FR.04', 'B06.FR.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetVariables for both (Actual)' },
  ],
  detects: ['drops-get-variables-entries', 'ignores-set-variables'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Before: OfflineThreshold is 300, LocalAuthorizeOffline is true', () =>
      prepareVariables(ctx, [
        { ...offlineThreshold, value: '300' },
        { ...localAuthorizeOffline, value: 'true' },
      ]),
    );
    await ctx.step('Steps 1-2: GetVariables for both (Actual)', async () => {
      const res = await ctx.callExpect('GetVariables', {
        getVariableData: [varData(offlineThreshold, { attributeType: 'Actual' }), varData(localAuthorizeOffline, { attributeType: 'Actual' })],
      });
      checkResult(ctx, offlineThreshold, resultFor(ctx, res, 'getVariableResult', offlineThreshold), { attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: '300', noErrorInfo: true });
      checkResult(ctx, localAuthorizeOffline, resultFor(ctx, res, 'getVariableResult', localAuthorizeOffline), { attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: 'true', noErrorInfo: true });
    });
  },
});
