/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_03_CS — Remote start transaction, Remote start
 * first, AuthorizeRemoteStart is false. The station starts with the CSMS's idToken without
 * authorizing it (Part 2 F01.FR.02): Authorized (remote), EnergyTransferStarted, and no Authorize
 * for that idToken anywhere in the case.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { configure, getVariable, journalMark, ready } from '../_shared/case-support.js';
import { callsIn } from '../_shared/journal.js';

export default defineTestCase({
  id: 'TC_F_03_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Remote start transaction - Remote start first - AuthorizeRemoteStart is false',
  useCases: ['F02'],
  requirements: ['F02.FR.01', 'F01.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: AuthorizeRemoteStart can be false (C-48.2) and remote start with C-36 or C-39.
  applies: { all: [{ item: 'C-48.2' }, { any: [{ item: 'C-36' }, { item: 'C-39' }] }] },
  detects: ['remote-start-authorizes-anyway'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [...authConfiguration, { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', value: 'false', ifImplemented: true }]);
    // Prerequisite: AuthorizeRemoteStart is not fixed (ReadOnly) at true.
    const now = await getVariable(ctx, { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart' });
    if (now === 'true') ctx.inconclusive('prerequisite not met: AuthCtrlr.AuthorizeRemoteStart is true and could not be set to false');
    const from = journalMark(ctx);
    const p = { method: 'remote' };
    await ctx.step('Step 1: Authorized (remote)', () => ctx.state('Authorized', p));
    await ctx.step('Step 2: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', p));
    await ctx.step('F01.FR.02: the remote start idToken was not authorized first', async () => {
      const valid = ctx.config.idTokens.valid.idToken;
      const authorizes = callsIn(ctx.journal().filter((e) => e.index >= from), 'Authorize').filter((e) => (e.payload['idToken'] as { idToken?: unknown } | undefined)?.idToken === valid);
      ctx.check('no Authorize for the remote start idToken (AuthorizeRemoteStart is false)', authorizes.length === 0, {
        expected: 'no AuthorizeRequest',
        actual: authorizes.length === 0 ? 'none' : `${authorizes.length} AuthorizeRequest(s)`,
        frames: authorizes.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])),
      });
    });
    await checkSession(ctx, { ended: false });
  },
});
