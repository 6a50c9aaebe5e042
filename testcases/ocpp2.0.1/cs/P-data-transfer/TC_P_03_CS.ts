/**
 * OCPP 2.0.1 Part 6 §2.17 (P DataTransfer), TC_P_03_CS — CustomData, receive custom data: a
 * SetVariablesRequest (OCPPCommCtrlr.OfflineThreshold = 200, Actual) and a GetVariablesRequest for
 * it, both carrying the OCTT <CustomData> (Part 2 §2.2 CustomDataType, allowed in every message and
 * datatype), are handled as without it: Accepted, and the value reads back as 200.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { getVariable, ready } from '../_shared/case-support.js';
import { customDataOf, framesOfCall, outcomeText } from './custom-data.js';

const component = { name: 'OCPPCommCtrlr' };
const variable = { name: 'OfflineThreshold' };

export default defineTestCase({
  id: 'TC_P_03_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'P',
  title: 'CustomData - Receive custom data',
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetVariablesResponse with customData in the request: setVariableResult[0].attributeStatus Accepted' },
    { step: 4, checks: 'GetVariablesResponse: attributeStatus Accepted, attributeType Actual or omitted, attributeValue 200' },
  ],
  detects: ['rejects-custom-data', 'ignores-set-variables'],
  async run(ctx) {
    await ready(ctx);
    const customData = customDataOf(ctx);
    // Read first (no verdict), so the §2.1 restore after the case puts the station's own value back.
    await getVariable(ctx, { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' });
    await ctx.step('Steps 1-2: SetVariables OfflineThreshold 200 with customData', async () => {
      const res = await ctx.call('SetVariables', { customData, setVariableData: [{ customData, component, variable, attributeType: 'Actual', attributeValue: '200' }] });
      const first = res.status === 'result' ? ((res.payload['setVariableResult'] as JsonObject[] | undefined) ?? [])[0] : undefined;
      ctx.check('setVariableResult[0].attributeStatus', first?.['attributeStatus'] === 'Accepted', {
        expected: 'Accepted',
        actual: res.status === 'result' ? (first?.['attributeStatus'] ?? 'no setVariableResult') : outcomeText(res),
        frames: framesOfCall(ctx, res.messageId),
        step: 2,
      });
    });
    await ctx.step('Steps 3-4: GetVariables OfflineThreshold with customData reads 200', async () => {
      const res = await ctx.call('GetVariables', { customData, getVariableData: [{ customData, component, variable, attributeType: 'Actual' }] });
      const frames = framesOfCall(ctx, res.messageId);
      const first = res.status === 'result' ? ((res.payload['getVariableResult'] as JsonObject[] | undefined) ?? [])[0] : undefined;
      ctx.check('getVariableResult[0].attributeStatus', first?.['attributeStatus'] === 'Accepted', { expected: 'Accepted', actual: res.status === 'result' ? (first?.['attributeStatus'] ?? 'no getVariableResult') : outcomeText(res), frames, step: 4 });
      // Part 2 GetVariableResultType: an omitted attributeType means Actual.
      const type = first?.['attributeType'];
      ctx.check('getVariableResult[0].attributeType', first !== undefined && (type === undefined || type === 'Actual'), { expected: 'Actual or omitted', actual: first === undefined ? 'no getVariableResult' : (type ?? 'omitted'), frames, step: 4 });
      ctx.check('getVariableResult[0].attributeValue', first?.['attributeValue'] === '200', { expected: '200', actual: first?.['attributeValue'] ?? 'absent', frames, step: 4 });
    });
  },
});
