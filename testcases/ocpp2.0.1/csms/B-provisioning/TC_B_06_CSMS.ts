/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_06_CSMS: asked to read OCPPCommCtrlr.OfflineThreshold, the CSMS
 * sends a GetVariablesRequest naming exactly that component and variable; the simulated station
 * answers with the value. (Part 6's post-scenario check, that the CSMS shows the value it read,
 * is manual and not judged here.)
 */
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, triggered } from '../_shared/station.js';

const attributeTypes = ['Actual', 'Target', 'MinSet', 'MaxSet'];

export default defineTestCase({
  id: 'TC_B_06_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Get Variables - single value',
  useCases: ['B06'],
  requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03', 'B06.FR.04', 'B06.FR.10', 'B06.FR.11'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'GetVariablesRequest: OCPPCommCtrlr.OfflineThreshold, attributeType absent or Actual/Target/MinSet/MaxSet' },
  ],
  waivers: [
    { step: 'post', reason: 'Part 6 TC_B_06_CSMS post-scenario validation: "Manually validate that CSMS has correctly read the requested variables". It asks a person to look inside the CSMS (its UI or database); nothing on the wire shows it, and the harness judges only the wire (DESIGN.md honesty rules)' },
  ],
  detects: ['config-key-wrong-case', 'ignores-trigger'],
  async run(ctx) {
    const configured = ctx.config.extra['offlineThresholdS'];
    const offlineThresholdS = typeof configured === 'number' || typeof configured === 'string' ? String(configured) : '60';
    await ctx.step('The CSMS requests OCPPCommCtrlr.OfflineThreshold', async () => {
      const call = await triggered(ctx, {
        action: 'GetVariables',
        trigger: 'triggerGetVariables',
        params: { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' },
        respond: (payload) => ({
          getVariableResult: ((payload['getVariableData'] as JsonObject[] | undefined) ?? []).map((d) => {
            const component = d['component'] as JsonObject;
            const variable = d['variable'] as JsonObject;
            const known = component['name'] === 'OCPPCommCtrlr' && variable['name'] === 'OfflineThreshold';
            return {
              attributeStatus: known ? 'Accepted' : 'UnknownVariable',
              ...(d['attributeType'] === undefined ? {} : { attributeType: d['attributeType'] }),
              ...(known ? { attributeValue: offlineThresholdS } : {}),
              component,
              variable,
            };
          }),
        }),
      });
      const data = (call.payload['getVariableData'] as JsonObject[] | undefined) ?? [];
      const entry = data.find((d) => (d['component'] as JsonObject | undefined)?.['name'] === 'OCPPCommCtrlr' && (d['variable'] as JsonObject | undefined)?.['name'] === 'OfflineThreshold');
      ctx.check('getVariableData has component.name "OCPPCommCtrlr" and variable.name "OfflineThreshold"', entry !== undefined, {
        expected: { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } },
        actual: data.map((d) => ({ component: d['component'], variable: d['variable'] })),
        frames: framesOf(call),
      });
      const attributeType = entry?.['attributeType'];
      ctx.check('attributeType is absent or one of Actual, Target, MinSet, MaxSet', attributeType === undefined || (typeof attributeType === 'string' && attributeTypes.includes(attributeType)), {
        expected: 'absent or Actual (Target, MinSet, MaxSet allowed)',
        actual: attributeType,
        frames: framesOf(call),
      });
    });
  },
});
