/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_05_CS — Local start transaction, Authorization
 * invalid, cable lock. A station whose cable lock keeps the EV out until authorization: the
 * configured invalid idToken is presented with no EV connected; the station asks the CSMS and,
 * answered Invalid, sends no TransactionEvent (Part 2 C01.FR.02).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { localStart } from './auth-support.js';
import { rejectedTokenScenario } from './rejected-token.js';

export default defineTestCase({
  id: 'TC_C_05_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Local start transaction - Authorization invalid - Cable lock',
  useCases: ['C01', 'C04', 'C06'],
  requirements: ['C01.FR.02', 'C06.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a cable lock (AQ-2) and a local start authorization option (C-30, C-31, C-32).
  applies: { all: [{ item: 'AQ-2' }, localStart] },
  validations: [{ step: 1, checks: 'Authorize idToken.idToken and idToken.type are the configured invalid idToken' }],
  detects: ['starts-tx-for-invalid-token', 'no-authorize'],
  async run(ctx) {
    await ready(ctx);
    // Part 6 prerequisite: TxStartPoint is not a read-only value without Authorized; a cable-locked
    // station starts at the authorization, so that is where a wrongly accepted token would show.
    await rejectedTokenScenario(ctx, 'invalid', { evConnected: false, settings: [{ component: 'TxCtrlr', variable: 'TxStartPoint', value: 'Authorized', ifImplemented: false }] });
  },
});
