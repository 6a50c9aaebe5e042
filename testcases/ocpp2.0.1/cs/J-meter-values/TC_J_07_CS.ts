/**
 * OCPP 2.0.1 Part 6 §2.11 (J MeterValues), TC_J_07_CS — Sampled Meter Values, EventType Started,
 * EVSE known: with a TxStartPoint the cable or the authorization reaches (not ParkingBayOccupancy),
 * the TransactionEvent Started carries the Transaction.Begin values, one per
 * SampledDataCtrlr.TxStartedMeasurands entry (Part 2 J02, E01.FR.09 …).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { ready, transactionEvents } from '../_shared/case-support.js';
import { checkBeginValues, ensureStartPoint } from './begin-values.js';
import { readMeasurands } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_07_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'J',
  title: 'Sampled Meter Values - EventType Started - EVSE known',
  useCases: ['J02', 'E01', 'E02', 'E03', 'E09', 'E04', 'E05'],
  requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'E01.FR.09', 'E02.FR.09', 'E03.FR.07', 'E04.FR.05', 'E05.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 'post', checks: 'TransactionEvent Started: meterValue with Transaction.Begin values per SampledDataCtrlr.TxStartedMeasurands' }],
  detects: ['no-tx-started-meter-values'],
  async run(ctx) {
    await ready(ctx);
    // Prerequisite: no ParkingBayOccupancy; one of EVConnected, Authorized, PowerPathClosed, EnergyTransfer, DataSigned.
    await ensureStartPoint(ctx, ['EVConnected', 'Authorized', 'PowerPathClosed', 'EnergyTransfer', 'DataSigned'], 'EVConnected', true);
    const measurands = await readMeasurands(ctx, 'SampledDataCtrlr', 'TxStartedMeasurands');
    await ctx.step('Before: ParkingBayOccupied', () => ctx.state('ParkingBayOccupied'));
    await ctx.step('Step 1: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step('Step 2: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Post scenario: Transaction.Begin values in TransactionEvent Started', () => {
      const started = transactionEvents(ctx).find((e) => e.payload['eventType'] === 'Started');
      if (!started) return ctx.fail('no TransactionEvent with eventType Started');
      checkBeginValues(ctx, started, measurands, 'TransactionEvent Started');
      return Promise.resolve();
    });
    await checkSession(ctx, { ended: false });
  },
});
