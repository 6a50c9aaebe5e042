/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_24_CS — Offline authorization through local
 * authorization list - Expired: with the configured expired idToken Expired in the Local Authorization List,
 * an EV that drives in while the station is offline is reported, once back online, by a queued
 * TransactionEvent with offline true and triggerReason EVDetected (Part 2 C13.FR.02). The flow is
 * offline-list-refused.ts.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { offlineListRefused } from './offline-list-refused.js';

export default defineTestCase({
  id: 'TC_C_24_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Offline authorization through local authorization list - Expired',
  useCases: ['C13'],
  requirements: ['C13.FR.02'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  // Part 5: one of the local start authorization options C-30 (ISO 14443), C-31 (ISO 15693), C-32 (key code).
  applies: { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] },
  validations: [{ step: 5, checks: 'the queued TransactionEvent: offline true, triggerReason EVDetected' }],
  detects: ['no-offline-flag', 'no-start-on-parking-bay'],
  run: (ctx) => offlineListRefused(ctx, 'expired', 'Expired'),
});
