/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_27_CS — online, LocalPreAuthorize true: the valid
 * idToken, Accepted in the Local Authorization List, is authorized locally (Part 2 C14.FR.02) and
 * the session runs to energy transfer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkEnergyTransferred, emptyListAfter, listEnabled, listWith, preAuthorize, presentListedAccepted } from './local-list-auth.js';

export default defineTestCase({
  id: 'TC_C_27_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Online authorization through local authorization list - Accepted',
  useCases: ['C14'],
  requirements: ['C14.FR.02'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  // Part 5: one of the local start authorization options C-30 (ISO 14443), C-31 (ISO 15693), C-32 (key code).
  applies: { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] },
  validations: [
    { step: 1, checks: 'TransactionEventRequest triggerReason Authorized with the valid idToken (when TxStartPoint has Authorized), no AuthorizeRequest first' },
    { step: 'post', checks: 'energy is transferred (chargingState Charging)' },
  ],
  detects: ['local-list-not-stored'],
  async run(ctx) {
    await ready(ctx);
    const valid = ctx.config.idTokens.valid;
    await listWith(ctx, [listEnabled, preAuthorize], valid, 'Accepted');
    await ctx.step('Manual action and steps 1-2: present the valid idToken, authorized from the list', () => presentListedAccepted(ctx, valid, 1));
    await ctx.step('Steps 3-4: EVConnectedPreSession, EnergyTransferStarted', async () => {
      await ctx.state('EVConnectedPreSession');
      await ctx.state('EnergyTransferStarted');
    });
    await ctx.step('Post scenario: energy is transferred', async () => checkEnergyTransferred(ctx));
    await emptyListAfter(ctx);
  },
});
