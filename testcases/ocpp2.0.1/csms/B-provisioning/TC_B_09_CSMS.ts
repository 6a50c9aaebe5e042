/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_09_CSMS: asked to set OCPPCommCtrlr.OfflineThreshold to 123, the
 * CSMS sends a SetVariablesRequest with that component, variable and value; the simulated station
 * accepts it. (The manual post-scenario check is not judged here.)
 */
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, triggered } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_B_09_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Set Variables - single value',
  useCases: ['B05'],
  requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03', 'B05.FR.10', 'B05.FR.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SetVariablesRequest: OCPPCommCtrlr.OfflineThreshold = "123", attributeType absent or Actual' },
  ],
  waivers: [
    { step: 'post', reason: 'Part 6 TC_B_09_CSMS post-scenario validation: "Manually validate that CSMS has correctly set the requested variables". It asks a person to look inside the CSMS (its UI or database); nothing on the wire shows it, and the harness judges only the wire (DESIGN.md honesty rules)' },
  ],
  detects: ['config-key-wrong-case'],
  async run(ctx) {
    await ctx.step('The CSMS sets OCPPCommCtrlr.OfflineThreshold to 123', async () => {
      const call = await triggered(ctx, {
        action: 'SetVariables',
        trigger: 'triggerSetVariables',
        params: { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: '123' },
        respond: (payload) => ({
          setVariableResult: ((payload['setVariableData'] as JsonObject[] | undefined) ?? []).map((d) => {
            const component = d['component'] as JsonObject;
            const variable = d['variable'] as JsonObject;
            const known = component['name'] === 'OCPPCommCtrlr' && variable['name'] === 'OfflineThreshold';
            return {
              attributeStatus: known ? 'Accepted' : 'UnknownVariable',
              ...(d['attributeType'] === undefined ? {} : { attributeType: d['attributeType'] }),
              component,
              variable,
            };
          }),
        }),
      });
      const data = (call.payload['setVariableData'] as JsonObject[] | undefined) ?? [];
      const entry = data.find((d) => (d['component'] as JsonObject | undefined)?.['name'] === 'OCPPCommCtrlr' && (d['variable'] as JsonObject | undefined)?.['name'] === 'OfflineThreshold');
      ctx.check('setVariableData has component.name "OCPPCommCtrlr" and variable.name "OfflineThreshold"', entry !== undefined, {
        expected: { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } },
        actual: data.map((d) => ({ component: d['component'], variable: d['variable'] })),
        frames: framesOf(call),
      });
      ctx.check('attributeValue is "123"', entry?.['attributeValue'] === '123', { expected: '"123"', actual: entry?.['attributeValue'], frames: framesOf(call) });
      const attributeType = entry?.['attributeType'];
      ctx.check('attributeType is absent or Actual', attributeType === undefined || attributeType === 'Actual', {
        expected: 'absent or Actual',
        actual: attributeType,
        frames: framesOf(call),
      });
    });
  },
});
