/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_25_CSMS: with no transaction, the CSMS resets the configured EVSE OnIdle; the simulated station accepts.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';
import { resetEvse } from './support.js';

export default defineTestCase({
  id: 'TC_B_25_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Reset EVSE - Without ongoing transaction',
  useCases: ['B11'],
  requirements: ['B11.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: the CSMS supports resetting a single EVSE (C-13).
  applies: { item: 'C-13' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'ResetRequest: type OnIdle, evseId the configured evseId' },
  ],
  detects: ['reset-evse-id-dropped', 'reset-wrong-type'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS resets the configured EVSE OnIdle; the station answers Accepted', () =>
      resetEvse(ctx, 'OnIdle', 'Accepted', (call) => {
        ctx.check('ResetRequest.type is OnIdle', call.payload['type'] === 'OnIdle', { expected: 'OnIdle', actual: call.payload['type'], frames: framesOf(call), step: 1 });
        ctx.check('ResetRequest.evseId is the configured evseId', call.payload['evseId'] === ctx.config.evseId, { expected: ctx.config.evseId, actual: call.payload['evseId'] ?? 'absent', frames: framesOf(call), step: 1 });
      }),
    );
  },
});
