/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_18_CSMS: the CSMS asks for EVSE #1 AvailabilityState twice with
 * GetReportRequest, once limited to Problem components (the station has none: EmptyResultSet) and
 * once to Available ones (Accepted, then the station's NotifyReport, which the CSMS must take).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, obj } from '../_shared/station.js';
import { reportEntry, sendReport } from './support.js';

/** The one component/variable both requests ask for (Part 6: EVSE #1, literally id 1). */
const evseOne = { name: 'EVSE', evse: { id: 1 } };
const componentVariable = [{ component: evseOne, variable: { name: 'AvailabilityState' } }];

async function customReport(ctx: TestContext, criterion: string, status: string, step: number): Promise<ObservedCall> {
  ctx.respond('GetReport', () => ({ status }));
  await ctx.dut('triggerGetReport', { componentCriteria: [criterion], componentVariable });
  const call = await ctx.expectCall('GetReport', { step });
  const criteria = call.payload['componentCriteria'];
  ctx.check(`GetReportRequest.componentCriteria is ${criterion}`, Array.isArray(criteria) && criteria.length === 1 && criteria[0] === criterion, {
    expected: [criterion],
    actual: criteria ?? 'absent',
    frames: framesOf(call),
    step,
  });
  const first = obj((call.payload['componentVariable'] as JsonObject[] | undefined)?.[0]);
  const component = obj(first?.['component']);
  ctx.check('componentVariable[0].component.name is "EVSE"', component?.['name'] === 'EVSE', { expected: 'EVSE', actual: component?.['name'] ?? 'absent', frames: framesOf(call), step });
  ctx.check('componentVariable[0].component.evse.id is 1', obj(component?.['evse'])?.['id'] === 1, { expected: 1, actual: obj(component?.['evse'])?.['id'] ?? 'absent', frames: framesOf(call), step });
  const variable = obj(first?.['variable']);
  ctx.check('componentVariable[0].variable.name is "AvailabilityState"', variable?.['name'] === 'AvailabilityState', { expected: 'AvailabilityState', actual: variable?.['name'] ?? 'absent', frames: framesOf(call), step });
  return call;
}

export default defineTestCase({
  id: 'TC_B_18_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Get Custom Report - with componentCriteria and component/variables',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'GetReportRequest: componentCriteria Problem, componentVariable[0] EVSE evse.id 1, variable AvailabilityState' },
    { step: 3, checks: 'GetReportRequest: componentCriteria Available, componentVariable[0] EVSE evse.id 1, variable AvailabilityState' },
  ],
  detects: ['report-criteria-dropped'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS asks for Problem components; the station has none (EmptyResultSet)', async () => {
      await customReport(ctx, 'Problem', 'EmptyResultSet', 1);
    });
    const call = await ctx.step('Steps 3-4: the CSMS asks for Available components; the station accepts', () => customReport(ctx, 'Available', 'Accepted', 3));
    await ctx.step('Steps 5-6: the station reports EVSE #1 AvailabilityState; the CSMS answers', async () => {
      const requestId = typeof call.payload['requestId'] === 'number' ? call.payload['requestId'] : 0;
      await sendReport(ctx, requestId, [[reportEntry(evseOne, 'AvailabilityState', 'Available', 'ReadOnly')]]);
    });
  },
});
