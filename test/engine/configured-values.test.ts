/**
 * The default configured values (OCTT's "Configured …" values) are part of the harness's
 * behaviour a user relies on without a config file: a change to any of them must be deliberate.
 */
import { expect } from 'chai';
import { defaultConfiguredValues } from '../../src/engine/configured-values.js';

describe('engine/configured-values defaults', () => {
  it('are the documented ones: 4 s tolerance, 30 s message timeout, distinct test idTokens', () => {
    expect(defaultConfiguredValues).to.deep.equal({
      stationId: 'CP001',
      evseId: 1,
      connectorId: 1,
      numberOfEvses: 1,
      idTokens: {
        valid: { idToken: 'VALID-TOKEN-01', type: 'ISO14443' },
        invalid: { idToken: 'INVALID-TOKEN-01', type: 'ISO14443' },
        blocked: { idToken: 'BLOCKED-TOKEN-01', type: 'ISO14443' },
        expired: { idToken: 'EXPIRED-TOKEN-01', type: 'ISO14443' },
        validSameGroup: { idToken: 'VALID-TOKEN-02', type: 'ISO14443' },
        masterPass: { idToken: 'MASTER-PASS-01', type: 'ISO14443' },
      },
      groupId: 'GROUP-01',
      heartbeatIntervalS: 60,
      messageTimeoutMs: 30_000,
      connectTimeoutMs: 60_000,
      maxStoredFrameBytes: 65_536,
      toleranceMs: 4000,
      caseTimeoutMs: 300_000,
      securityProfile: 0,
      vendorId: 'org.ocpp-conform',
      extra: {},
    });
  });
});
