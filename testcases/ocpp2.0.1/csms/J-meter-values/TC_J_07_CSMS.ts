/**
 * OCPP 2.0.1 Part 6 §3.11, TC_J_07_CSMS: the simulated station plugs the EV in (reusable state
 * EVConnectedPreSession) and its TransactionEvent, which starts the transaction on a known EVSE,
 * carries the Transaction.Begin meter value. The CSMS must answer it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { evConnectedPreSessionWithBegin } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_07_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'J',
  title: 'Sampled Meter Values - EventType Started - EVSE known',
  useCases: ['J02'],
  requirements: ['J02.FR.19'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['transaction-begin-values-error'],
  async run(ctx) {
    await ctx.step('Step 1: EVConnectedPreSession, TransactionEvent with Transaction.Begin values', () => evConnectedPreSessionWithBegin(ctx));
  },
});
