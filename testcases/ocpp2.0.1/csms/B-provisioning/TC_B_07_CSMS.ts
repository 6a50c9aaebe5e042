/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_07_CSMS: asked for OCPPCommCtrlr.OfflineThreshold and
 * AuthCtrlr.AuthorizeRemoteStart, the CSMS reads both in one GetVariablesRequest (either order,
 * any attributeType or none); the simulated station answers from its device model.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';
import { entriesOf, entryFor, refOf } from './support.js';

const attributeTypes = [undefined, 'Actual', 'Target', 'MinSet', 'MaxSet'];

export default defineTestCase({
  id: 'TC_B_07_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Get Variables - multiple values',
  useCases: ['B06'],
  requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: only when the CSMS can put several elements in one GetVariablesRequest (C-45).
  applies: { item: 'C-45' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'one GetVariablesRequest with OCPPCommCtrlr.OfflineThreshold and AuthCtrlr.AuthorizeRemoteStart, in any order, attributeType absent or any of Actual/Target/MinSet/MaxSet' },
  ],
  waivers: [
    { step: 'post', reason: 'Part 6 TC_B_07_CSMS post-scenario validation: "Manually validate that CSMS has correctly read the requested variables". It asks a person to look inside the CSMS; nothing on the wire shows it (DESIGN.md honesty rules: the harness judges the wire)' },
  ],
  detects: ['get-variables-first-only', 'config-key-wrong-case'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS requests both variables; the station answers', async () => {
      const wanted = [
        { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' },
        { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart' },
      ];
      await ctx.dut('triggerGetVariables', { getVariableData: wanted.map((w) => ({ component: { name: w.component }, variable: { name: w.variable } })) });
      const call = await ctx.expectCall('GetVariables', { step: 1 });
      const entries = entriesOf(call, 'getVariableData');
      for (const w of wanted) {
        const entry = entryFor(entries, w.component, w.variable);
        ctx.check(`getVariableData has component.name "${w.component}" and variable.name "${w.variable}"`, entry !== undefined, {
          expected: { component: { name: w.component }, variable: { name: w.variable } },
          actual: entries.map(refOf),
          frames: framesOf(call),
          step: 1,
        });
        ctx.check(`${w.component}.${w.variable}: attributeType absent or Actual, Target, MinSet, MaxSet`, attributeTypes.includes(entry?.['attributeType'] as string | undefined), {
          expected: 'absent, Actual, Target, MinSet or MaxSet',
          actual: entry?.['attributeType'] ?? 'absent',
          frames: framesOf(call),
          step: 1,
        });
      }
    });
  },
});
