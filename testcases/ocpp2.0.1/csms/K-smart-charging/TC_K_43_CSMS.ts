/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_43_CSMS: the CSMS asks for the composite schedule of EVSE 1 for the configured duration and
 * chargingRateUnit (Part 2 K08.FR.01); the simulated station answers with its schedule.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { compositeScheduleAsked } from './composite.js';

export default defineTestCase({
  id: 'TC_K_43_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Get Composite Schedule - Specific EVSE',
  useCases: ['K08'],
  requirements: ['K08.FR.01'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'GetCompositeScheduleRequest evseId 1, the configured duration and chargingRateUnit' }],
  detects: ['composite-schedule-drops-rate-unit', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    await compositeScheduleAsked(ctx, 1);
  },
});
