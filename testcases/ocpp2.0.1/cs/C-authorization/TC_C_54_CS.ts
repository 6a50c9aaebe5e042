/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_54_CS — offline Plug & Charge with
 * ISO15118Ctrlr.ContractValidationOffline true (Part 2 C07.FR.08-12): the station validates the
 * contract with the installed MO root and starts while offline; back online, the queued
 * TransactionEvent with triggerReason Authorized says offline true, and energy flows.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { callsIn, frames, obj, sessionOf } from '../_shared/journal.js';
import { removeDefaultRoots } from '../_shared/certificates.js';
import { offlineContractSession } from './offline-contract.js';

export default defineTestCase({
  id: 'TC_C_54_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization using Contract Certificates 15118 - Offline - ContractValidationOffline is true',
  useCases: ['C07'],
  requirements: ['C07.FR.08', 'C07.FR.09', 'C07.FR.10', 'C07.FR.11', 'C07.FR.12'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  validations: [
    { step: 3, checks: 'StatusNotification connectorStatus Occupied, or NotifyEvent Delta Occupied Connector.AvailabilityState' },
    { step: 5, checks: 'TransactionEvent CablePluggedIn (when sent): chargingState EVConnected, offline true' },
    { step: 7, checks: 'TransactionEvent triggerReason Authorized, offline true' },
  ],
  detects: ['pnc-no-offline-contract-validation'],
  async run(ctx) {
    await ready(ctx);
    const since = await offlineContractSession(ctx, true);
    ctx.respond('TransactionEvent', (call) => (call.payload['idToken'] === undefined ? {} : { idTokenInfo: { status: 'Accepted' } }));
    await ctx.step('Steps 7-8: the queued TransactionEvent Authorized says offline true', async () => {
      const te = await ctx.expectCall('TransactionEvent', { from: since, match: (p) => obj(p['idToken']) !== undefined, describe: 'the TransactionEvent that authorized the contract', step: 7 });
      ctx.check('TransactionEventRequest triggerReason', te.payload['triggerReason'] === 'Authorized', { expected: 'Authorized', actual: te.payload['triggerReason'] ?? 'absent', frames: frames(te), step: 7 });
      ctx.check('TransactionEventRequest offline', te.payload['offline'] === true, { expected: true, actual: te.payload['offline'] ?? 'absent', frames: frames(te), step: 7 });
      const s = sessionOf(ctx, ctx.config.evseId);
      s.authorized = true;
      s.method = 'local';
      const token = obj(te.payload['idToken']);
      if (typeof token?.['idToken'] === 'string') s.idToken = { idToken: token['idToken'], type: 'eMAID' };
      const charging = callsIn(ctx.journal(), 'TransactionEvent').find((e) => e.index >= since && obj(e.payload['transactionInfo'])?.['chargingState'] === 'Charging');
      if (charging) s.chargingIndex = charging.index;
    });
    await ctx.step('Step 9: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await removeDefaultRoots(ctx, ['MORootCertificate', 'V2GRootCertificate']);
  },
});
