/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_55_CS — offline Plug & Charge with
 * ISO15118Ctrlr.ContractValidationOffline false (Part 2 C07.FR.07): the station may not start on the
 * contract while offline; back online it sends no TransactionEvent with triggerReason Authorized or
 * ChargingStateChanged, and none says chargingState Charging.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { obj } from '../_shared/journal.js';
import { removeDefaultRoots } from '../_shared/certificates.js';
import { quietSince } from './local-list-auth.js';
import { offlineContractSession } from './offline-contract.js';

export default defineTestCase({
  id: 'TC_C_55_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization using Contract Certificates 15118 - Offline - ContractValidationOffline is false',
  useCases: ['C07'],
  requirements: ['C07.FR.07'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  validations: [
    { step: 3, checks: 'StatusNotification connectorStatus Occupied, or NotifyEvent Delta Occupied Connector.AvailabilityState' },
    { step: 5, checks: 'TransactionEvent CablePluggedIn (when sent): chargingState EVConnected, offline true' },
    { step: 'post', checks: 'no TransactionEvent with triggerReason Authorized / ChargingStateChanged or chargingState Charging' },
  ],
  detects: ['pnc-offline-ignores-contract-setting'],
  async run(ctx) {
    await ready(ctx);
    const since = await offlineContractSession(ctx, false);
    await ctx.step('Step 7 and post scenario: not authorized, no charging', () =>
      quietSince(ctx, since, [
        {
          action: 'TransactionEvent',
          match: (p) => p['triggerReason'] === 'Authorized' || p['triggerReason'] === 'ChargingStateChanged' || obj(p['transactionInfo'])?.['chargingState'] === 'Charging',
          describe: 'TransactionEvent with triggerReason Authorized / ChargingStateChanged or chargingState Charging',
        },
      ]),
    );
    await removeDefaultRoots(ctx, ['MORootCertificate', 'V2GRootCertificate']);
  },
});
