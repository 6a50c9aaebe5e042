/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_49_CS — Stop Transaction with a Master Pass,
 * without UI: a station without a user interface stops every ongoing transaction when the master
 * pass is presented, stoppedReason MasterPass (Part 2 C16.FR.02).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { localStart } from './auth-support.js';
import { masterPassStop } from './master-pass-stop.js';

export default defineTestCase({
  id: 'TC_C_49_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Stop Transaction with a Master Pass - Without UI',
  useCases: ['C16'],
  requirements: ['C16.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a master pass for a station without a user interface (C-08) and a local start option.
  applies: { all: [{ item: 'C-08' }, localStart] },
  validations: [
    { step: 1, checks: 'AuthorizeRequest idToken is the configured master pass idToken' },
    { step: 3, checks: 'per EVSE: the stop event carries no idToken or the master pass; the transaction ends with stoppedReason MasterPass' },
  ],
  detects: ['master-pass-ignored', 'master-pass-wrong-reason'],
  run: (ctx) => masterPassStop(ctx, 'none'),
});
