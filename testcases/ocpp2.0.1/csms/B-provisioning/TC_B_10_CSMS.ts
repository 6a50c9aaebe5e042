/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_10_CSMS: asked to set OCPPCommCtrlr.OfflineThreshold to 123 and
 * AuthCtrlr.AuthorizeRemoteStart to false, the CSMS sends one SetVariablesRequest with both (either
 * order, attributeType absent or Actual); the simulated station accepts them.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';
import { entriesOf, entryFor, refOf } from './support.js';

export default defineTestCase({
  id: 'TC_B_10_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Set Variables - multiple values',
  useCases: ['B05'],
  requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: only when the CSMS can put several elements in one SetVariablesRequest (C-46).
  applies: { item: 'C-46' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'one SetVariablesRequest: OCPPCommCtrlr.OfflineThreshold = "123" and AuthCtrlr.AuthorizeRemoteStart = "false", in any order, attributeType absent or Actual' },
  ],
  waivers: [
    { step: 'post', reason: 'Part 6 TC_B_10_CSMS post-scenario validation: "Manually validate that CSMS has correctly set the requested variables". It asks a person to look inside the CSMS; nothing on the wire shows it (DESIGN.md honesty rules: the harness judges the wire)' },
  ],
  detects: ['set-variables-first-only', 'config-key-wrong-case'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sets both variables; the station accepts', async () => {
      const wanted = [
        { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: '123' },
        { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', value: 'false' },
      ];
      await ctx.dut('triggerSetVariables', { setVariableData: wanted.map((w) => ({ component: { name: w.component }, variable: { name: w.variable }, attributeValue: w.value })) });
      const call = await ctx.expectCall('SetVariables', { step: 1 });
      const entries = entriesOf(call, 'setVariableData');
      for (const w of wanted) {
        const entry = entryFor(entries, w.component, w.variable);
        ctx.check(`setVariableData has component.name "${w.component}" and variable.name "${w.variable}"`, entry !== undefined, {
          expected: { component: { name: w.component }, variable: { name: w.variable } },
          actual: entries.map(refOf),
          frames: framesOf(call),
          step: 1,
        });
        ctx.check(`${w.component}.${w.variable}: attributeValue is "${w.value}"`, entry?.['attributeValue'] === w.value, { expected: `"${w.value}"`, actual: entry?.['attributeValue'], frames: framesOf(call), step: 1 });
        const type = entry?.['attributeType'];
        ctx.check(`${w.component}.${w.variable}: attributeType absent or Actual`, type === undefined || type === 'Actual', { expected: 'absent or Actual', actual: type, frames: framesOf(call), step: 1 });
      }
    });
  },
});
