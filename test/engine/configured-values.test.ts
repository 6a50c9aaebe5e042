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
        valid: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' },
        invalid: { idToken: '04FFEEDDCCBBAA', type: 'ISO14443' },
        blocked: { idToken: '04B10C4ED00001', type: 'ISO14443' },
        expired: { idToken: '04E0E1E2E3E4E5', type: 'ISO14443' },
        validSameGroup: { idToken: '04A1B2C3D4E5F7', type: 'ISO14443' },
        masterPass: { idToken: '04AA55AA55AA55', type: 'ISO14443' },
      },
      groupId: 'GROUP-01',
      masterPassGroupId: 'MASTERPASS-01',
      heartbeatIntervalS: 60,
      messageTimeoutMs: 30_000,
      connectTimeoutMs: 60_000,
      maxStoredFrameBytes: 65_536,
      toleranceMs: 4000,
      caseTimeoutMs: 300_000,
      rebootDelayMs: 5_000,
      securityProfile: 0,
      vendorId: 'org.ocpp-conform',
      extra: {},
      networkProfiles: { configurationSlot: 1, configurationSlot2: 2, retryBackOffWaitMinimumS: 10, connectionData2: { listen: '127.0.0.1:0', path: '/ocpp', ocppInterface: 'Wired0' } },
    });
  });
});
