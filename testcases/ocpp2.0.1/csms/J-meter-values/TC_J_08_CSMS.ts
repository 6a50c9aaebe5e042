/**
 * OCPP 2.0.1 Part 6 §3.11, TC_J_08_CSMS: the transaction starts at the authorization (reusable
 * state Authorized), before the EVSE is known; the TransactionEvent of the plug-in (reusable state
 * EVConnectedPreSession) carries the Transaction.Begin meter value; then the energy flows (reusable
 * state EnergyTransferStarted). The CSMS must answer every message.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { evConnectedPreSessionWithBegin } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_08_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'J',
  title: 'Sampled Meter Values - Context Transaction.Begin - EVSE not known',
  useCases: ['J02'],
  requirements: ['J02.FR.19'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['transaction-begin-values-error'],
  async run(ctx) {
    await ctx.step('Step 1: Authorized', () => ctx.state('Authorized'));
    await ctx.step('Step 2: EVConnectedPreSession, TransactionEvent with Transaction.Begin values', () => evConnectedPreSessionWithBegin(ctx));
    await ctx.step('Step 3: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  },
});
