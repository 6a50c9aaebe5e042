/**
 * OCPP 2.0.1 Part 6 §3.17 (P DataTransfer), TC_P_03_CSMS — CustomData, receive custom data: the
 * simulated station sends a StatusNotificationRequest with the OCTT <CustomData>, then a
 * TransactionEventRequest with customData at the top and in transactionInfo (Part 2 §2.2: every
 * message and datatype may carry it). The CSMS answers both as it would without it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { customDataOf } from './custom-data.js';
import { newTransactionId, nowIso, stationOf } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_P_03_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'P',
  title: 'CustomData - Receive custom data',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['rejects-custom-data'],
  async run(ctx) {
    const customData = customDataOf(ctx);
    const station = stationOf(ctx);
    const { evseId, connectorId } = ctx.config;
    await ctx.step('Steps 1-2: StatusNotification with customData is answered', async () => {
      await ctx.callExpect('StatusNotification', { customData, timestamp: nowIso(ctx), connectorStatus: 'Occupied', evseId, connectorId });
      station.connectorStatus.set(`${evseId}/${connectorId}`, 'Occupied');
      station.evConnected = true;
    });
    await ctx.step('Steps 3-4: TransactionEvent with customData (also in transactionInfo) is answered', async () => {
      const transactionId = newTransactionId(ctx, station);
      // Remembered first, so the restore closes the transaction even when the CSMS refuses the event.
      station.transaction = { transactionId, seqNo: 1, evseId, connectorId, authorized: false, chargingState: 'EVConnected' };
      await ctx.callExpect('TransactionEvent', {
        customData,
        eventType: 'Started',
        timestamp: nowIso(ctx),
        triggerReason: 'CablePluggedIn',
        seqNo: 0,
        transactionInfo: { customData, transactionId, chargingState: 'EVConnected' },
        evse: { id: evseId, connectorId },
      });
    });
  },
});
