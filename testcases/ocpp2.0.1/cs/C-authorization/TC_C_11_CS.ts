/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_11_CS — Authorization through authorization cache,
 * Expired: a token the cache holds as Expired is not refused on the cache's word alone; with
 * DisablePostAuthorize off the station asks the CSMS (Part 2 C10.FR.03 / C12.FR.05). Part 6 names
 * the valid idToken in the step 1 validation; the token presented and asked about is the expired one.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { withCache } from './auth-support.js';
import { cachedRefusedScenario } from './cache-refused.js';

export default defineTestCase({
  id: 'TC_C_11_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization through authorization cache - Expired',
  useCases: ['C12'],
  requirements: ['C12.FR.05', 'C10.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [{ step: 1, checks: 'AuthorizeRequest idToken.idToken and idToken.type are the configured expired idToken' }],
  detects: ['cache-status-ignored', 'cache-no-post-authorize'],
  async run(ctx) {
    await cachedRefusedScenario(ctx, 'expired');
  },
});
