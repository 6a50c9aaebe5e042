/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_19_CS — Set Charging Profile of kind Recurring
 * with the configured recurrencyKind (a TxDefaultProfile on the configured EVSE, starting now):
 * Accepted (Part 2 K01.FR.40).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { kConfig, profile, smartChargingM } from './k-support.js';
import { setAndExpect } from './set-rejected.js';

export default defineTestCase({
  id: 'TC_K_19_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - ChargingProfileKind is Recurring',
  useCases: ['K01'],
  requirements: ['K01.FR.40'],
  certification: smartChargingM,
  validations: [{ step: 2, checks: 'SetChargingProfileResponse status Accepted for a Recurring profile' }],
  detects: ['rejects-recurring'],
  async run(ctx) {
    const k = kConfig(ctx);
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxDefaultProfile', kind: 'Recurring', recurrencyKind: k.recurrencyKind, durationS: k.durationS, periods: [[0, 6]] });
    await setAndExpect(ctx, `Steps 1-2: SetChargingProfile Recurring ${k.recurrencyKind} is Accepted`, k.evseId, sent, 'Accepted');
  },
});
