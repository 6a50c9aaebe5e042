/**
 * Wire tests of the 2.0.1 CSMS defects of blocks J (meter values in MeterValues and
 * TransactionEvent, ../../../src/sim/csms/meter-value-defects.ts) and P (data transfer): what the
 * compliant simulator answers and what the one with the defect answers (defects.test.ts runs them).
 */
import type { CallOutcome } from '../../../src/session/endpoint.js';
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

const answer = (o: CallOutcome): unknown => (o.status === 'result' ? o.payload : o.status === 'error' ? o.errorCode : o.status);
const now = (): string => new Date().toISOString();
const value = (context: string, extra: JsonObject = {}): JsonObject => ({ timestamp: now(), sampledValue: [{ value: 1000, context, measurand: 'Energy.Active.Import.Register', ...extra }] });
const signed = { signedMeterData: 'T0NNRnx7fXx7fQ==', signingMethod: 'ECDSA-secp256r1-SHA256', encodingMethod: 'OCMF', publicKey: '' };

/** The CSMS's answer to one TransactionEvent Started carrying `meterValue` on a booted 2.0.1 connection. */
async function txEvent(url: string, fields: JsonObject): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  const payload = { eventType: 'Started', timestamp: now(), triggerReason: 'CablePluggedIn', seqNo: 0, transactionInfo: { transactionId: 'JP-1', chargingState: 'EVConnected' }, evse: { id: 1, connectorId: 1 }, ...fields };
  return answer(await station.call('TransactionEvent', payload));
}

export const jpCases: BlockDefectCase[] = [
  {
    defect: 'transaction-begin-values-error',
    version: '2.0.1',
    observe: (_sim, url) => txEvent(url, { meterValue: [value('Transaction.Begin')] }),
    expected: [{}, 'PropertyConstraintViolation'],
  },
  {
    defect: 'ended-meter-values-error',
    version: '2.0.1',
    observe: (_sim, url) => txEvent(url, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', meterValue: [value('Sample.Clock'), value('Transaction.End')] }),
    expected: [{}, 'PropertyConstraintViolation'],
  },
  {
    defect: 'periodic-meter-values-error',
    version: '2.0.1',
    observe: (_sim, url) => txEvent(url, { eventType: 'Updated', triggerReason: 'MeterValuePeriodic', meterValue: [value('Sample.Periodic')] }),
    expected: [{}, 'InternalError'],
  },
  {
    defect: 'signed-meter-value-error',
    version: '2.0.1',
    observe: (_sim, url) => txEvent(url, { meterValue: [value('Transaction.Begin', { signedMeterValue: signed })] }),
    expected: [{}, 'FormatViolation'],
  },
  {
    defect: 'data-transfer-accepts-unknown',
    version: '2.0.1',
    observe: async (_sim, url) => {
      const station = await connectStation(url, '2.0.1');
      await station.call('BootNotification', bootOf('2.0.1'));
      return answer(await station.call('DataTransfer', { vendorId: 'org.openchargealliance.octt', messageId: 'TestMessage' }));
    },
    expected: [{ status: 'UnknownVendorId' }, { status: 'Accepted' }],
  },
];
