/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_31_CS — online, LocalPreAuthorize true and
 * DisablePostAuthorize false: an idToken the list says is Invalid but the CSMS accepts. The station
 * asks the CSMS (Part 2 C14.FR.03), follows its Accepted answer and the session runs to energy
 * transfer. The document names "the invalid idToken"; the harness answers its Authorize Accepted.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, ready } from '../_shared/case-support.js';
import { checkEnergyTransferred, emptyListAfter, listEnabled, listWith, postAuthorize, preAuthorize } from './local-list-auth.js';

export default defineTestCase({
  id: 'TC_C_31_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Online authorization through local authorization list - Invalid & Accepted',
  useCases: ['C14'],
  requirements: ['C14.FR.03'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  // Part 5: one of the local start authorization options C-30 (ISO 14443), C-31 (ISO 15693), C-32 (key code).
  applies: { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] },
  validations: [
    { step: 'post', checks: 'energy is transferred (chargingState Charging)' },
  ],
  detects: ['local-list-no-post-authorize'],
  async run(ctx) {
    await ready(ctx);
    const token = idTokenOf(ctx, 'invalid');
    await listWith(ctx, [listEnabled, preAuthorize, postAuthorize], token, 'Invalid');
    // Part 6 step 1: the CSMS (OCTT) knows the idToken as valid, whatever the list says.
    ctx.respond('Authorize', () => ({ idTokenInfo: { status: 'Accepted' } }));
    ctx.respond('TransactionEvent', (call) => (call.payload['idToken'] === undefined ? {} : { idTokenInfo: { status: 'Accepted' } }));
    await ctx.step('Steps 1-3: Authorized with the listed-invalid idToken, EVConnectedPreSession, EnergyTransferStarted', async () => {
      await ctx.state('Authorized', { idToken: token, method: 'local', expectAuthorize: false });
      await ctx.state('EVConnectedPreSession', { idToken: token });
      await ctx.state('EnergyTransferStarted', { idToken: token });
    });
    await ctx.step('Post scenario: energy is transferred', async () => checkEnergyTransferred(ctx));
    await emptyListAfter(ctx);
  },
});
