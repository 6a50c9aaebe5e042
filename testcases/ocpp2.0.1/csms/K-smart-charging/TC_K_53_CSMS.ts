/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_53_CSMS: load leveling with ISO 15118 (Part 2 K15): with the EV
 * authorized and plugged in, the reusable state ISO15118SmartCharging runs: the EV's charging needs
 * go to the CSMS, which answers with a TxProfile for the transaction; the EV's schedule within it is
 * accepted. The case validates no step of its own (Part 6: the state's validations only).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { iso15118SmartCharging } from './iso15118.js';

export default defineTestCase({
  id: 'TC_K_53_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Charging with load leveling based on High Level Communication - Success',
  useCases: ['K15'],
  requirements: ['K15.FR.02', 'K15.FR.03', 'K15.FR.05', 'K15.FR.07', 'K15.FR.11'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  states: ['Authorized', 'EVConnectedPreSession'],
  validations: [],
  detects: ['ev-charging-needs-rejected', 'ev-charging-needs-no-profile', 'tx-profile-without-transaction-id'],
  async run(ctx) {
    await iso15118SmartCharging(ctx, {});
  },
});
