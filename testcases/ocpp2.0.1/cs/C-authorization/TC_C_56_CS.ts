/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_56_CS — Local start transaction, Authorization
 * Unknown. The EV is connected first, then the configured invalid idToken is presented: the station
 * must ask the CSMS and, after the answer Unknown, start nothing (Part 2 C01.FR.02).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { localStart } from './auth-support.js';
import { rejectedTokenScenario } from './rejected-token.js';

export default defineTestCase({
  id: 'TC_C_56_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Local start transaction - Authorization Unknown',
  useCases: ['C01'],
  requirements: ['C01.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a local start authorization option (C-30 ISO 14443, C-31 ISO 15693, C-32 key code).
  applies: localStart,
  validations: [{ step: 1, checks: 'Authorize idToken.idToken and idToken.type are the configured invalid idToken' }],
  detects: ['starts-tx-for-unknown-token', 'no-authorize'],
  async run(ctx) {
    await ready(ctx);
    await rejectedTokenScenario(ctx, 'invalid', { status: 'Unknown' });
  },
});
