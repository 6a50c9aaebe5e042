/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_47_CS — Stop Transaction with a Master Pass -
 * With UI - All transactions: a station with a user interface (Part 5 C-07) lets the holder of a
 * master pass select what to stop (Part 2 C16.FR.01); after selecting all ongoing transactions, it
 * stops with stoppedReason MasterPass. The demo runs it against the `master-pass-ui` variant; the
 * flow is master-pass-stop.ts.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { localStart } from './auth-support.js';
import { masterPassStop } from './master-pass-stop.js';

export default defineTestCase({
  id: 'TC_C_47_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Stop Transaction with a Master Pass - With UI - All transactions',
  useCases: ['C16'],
  requirements: ['C16.FR.01'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a master pass for a station with a user interface (C-07) and a local start option.
  applies: { all: [{ item: 'C-07' }, localStart] },
  validations: [
    { step: 1, checks: 'AuthorizeRequest idToken is the configured master pass idToken' },
    { step: 3, checks: 'per EVSE: the stop event carries no idToken or the master pass; the transaction ends with stoppedReason MasterPass' },
  ],
  detects: ['master-pass-ignored', 'master-pass-wrong-reason'],
  run: (ctx) => masterPassStop(ctx, 'all'),
});
