/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_02_CS — Remote start transaction, Remote start
 * first, AuthorizeRemoteStart is true. With AuthorizeRemoteStart true the station authorizes the
 * remote start's idToken like a local one (Part 2 F01.FR.01) before it starts: Authorized (remote)
 * expects that Authorize, then EnergyTransferStarted.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { configure, getVariables, ready } from '../_shared/case-support.js';

export default defineTestCase({
  id: 'TC_F_02_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Remote start transaction - Remote start first - AuthorizeRemoteStart is true',
  useCases: ['F02'],
  requirements: ['F02.FR.01', 'F01.FR.01'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: AuthorizeRemoteStart can be true (C-48.1) and remote start with C-36 or C-39.
  applies: { all: [{ item: 'C-48.1' }, { any: [{ item: 'C-36' }, { item: 'C-39' }] }] },
  detects: ['remote-start-skips-authorize'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [...authConfiguration, { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', value: 'true', ifImplemented: true }]);
    // Prerequisites: neither AuthEnabled nor AuthorizeRemoteStart is fixed (ReadOnly) at false.
    const [authEnabled, authorizeRemoteStart] = await getVariables(ctx, [
      { component: 'AuthCtrlr', variable: 'Enabled' },
      { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart' },
    ]);
    if (authEnabled === 'false' || authorizeRemoteStart === 'false') ctx.inconclusive(`prerequisite not met: AuthCtrlr.Enabled ${authEnabled ?? 'unknown'}, AuthorizeRemoteStart ${authorizeRemoteStart ?? 'unknown'} (both must be able to be true)`);
    const p = { method: 'remote' };
    await ctx.step('Step 1: Authorized (remote), the idToken authorized first', () => ctx.state('Authorized', p));
    await ctx.step('Step 2: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', p));
    await checkSession(ctx, { ended: false });
  },
});
