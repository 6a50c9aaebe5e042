/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_07_CS — Local start transaction, Authorization
 * Expired. The EV is connected first (no cable lock), then the configured expired idToken is
 * presented: the station must ask the CSMS, and after the Expired answer start nothing.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { rejectedTokenScenario } from './rejected-token.js';

export default defineTestCase({
  id: 'TC_C_07_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Local start transaction - Authorization Expired',
  useCases: ['C01'],
  requirements: ['C01.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a local start authorization option (C-30 ISO 14443, C-31 ISO 15693, C-32 key code) and no cable lock (AQ-2).
  applies: { all: [{ not: { item: 'AQ-2' } }, { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] }] },
  validations: [
    { step: 1, checks: 'Authorize idToken.idToken and idToken.type are the configured expired idToken' },
  ],
  detects: ['starts-tx-for-expired-token', 'no-authorize'],
  async run(ctx) {
    await ready(ctx);
    await rejectedTokenScenario(ctx, 'expired');
  },
});
