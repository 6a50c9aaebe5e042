/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_02_CS — Reserve a specific EVSE - Accepted - Different
 * idToken. The configured EVSE is Reserved for the configured valid idToken and an EV is plugged in
 * (EVConnectedPreSession); the second valid idToken must not get it charging (Part 2 H03.FR.01):
 * Main A (`authorizationMethod` local, the default) presents it and no TransactionEvent with
 * chargingState Charging may follow within the message timeout; Main B (remote) asks
 * RequestStartTransaction for it, which must be Rejected.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { obj } from '../_shared/journal.js';
import { framesOf, prepare, validToken2 } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_02_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a specific EVSE - Accepted - Different idToken',
  useCases: ['H01', 'H03'],
  requirements: ['H03.FR.01', 'F01.FR.22'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [{ step: 2, checks: 'Main B: RequestStartTransactionResponse status Rejected for the second idToken' }],
  detects: ['reservation-accepts-other-idtoken'],
  async run(ctx) {
    await prepare(ctx);
    const evseId = ctx.config.evseId;
    const token2 = validToken2(ctx);
    await ctx.step(`Before: EVSE ${evseId} Reserved for the configured valid idToken`, () => ctx.state('Reserved'));
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    if (ctx.config.extra['authorizationMethod'] === 'remote') {
      await ctx.step('Main B, steps 1-2: RequestStartTransaction for the second idToken, answered Rejected', async () => {
        const out = await ctx.call('RequestStartTransaction', { idToken: token2, evseId, remoteStartId: Math.floor(Math.random() * 1_000_000) + 1 });
        const actual = out.status === 'result' ? out.payload['status'] : out.status;
        ctx.check('RequestStartTransactionResponse status', actual === 'Rejected', { expected: 'Rejected', actual: actual ?? 'absent', frames: framesOf(ctx, out.messageId), step: 2 });
      });
      return;
    }
    await ctx.step('Main A: the second idToken is presented; no charging may start within the message timeout', async () => {
      await ctx.dut('presentIdToken', { evseId, idToken: token2.idToken, type: token2.type });
      await ctx.expectNoCall('TransactionEvent', {
        forMs: ctx.config.messageTimeoutMs,
        match: (p) => obj(p['transactionInfo'])?.['chargingState'] === 'Charging',
        describe: 'a TransactionEvent with chargingState Charging',
      });
    });
  },
});
