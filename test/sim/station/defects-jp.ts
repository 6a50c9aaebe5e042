/**
 * Proof scenarios of the 2.0.1 station defects of blocks J (meter values in transaction events,
 * SendDuringIdle, signed readings) and P (data transfer): each one's wire differs from the
 * compliant run. Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import { verifySignedMeterValue } from '../../../src/protocol/signed-meter-value.js';
import { booted, sleep, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers } from './support.js';

type Helpers = Pick<ScenarioHelpers, 'answer'>;

const token = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };
const energy = 'Energy.Active.Import.Register';

/** Per meter value message: action, trigger, the contexts it carries, and whether its signatures verify. */
function meterWire(csms: TestCsms): string {
  return csms.calls
    .filter((c) => c.action === 'MeterValues' || c.action === 'TransactionEvent')
    .map((c) => {
      const sampled = ((c.payload['meterValue'] as JsonObject[] | undefined) ?? []).flatMap((mv) => (mv['sampledValue'] as JsonObject[] | undefined) ?? []);
      const contexts = [...new Set(sampled.map((s) => String(s['context'])))].join('+');
      const signatures = sampled.map((s) => {
        const smv = s['signedMeterValue'] as JsonObject | undefined;
        if (!smv) return 'u';
        return verifySignedMeterValue(smv, smv['publicKey'] as string, { value: s['value'] as number, unit: 'Wh' }).status === 'verified' ? 's' : 'x';
      });
      return `${c.action}:${JSON.stringify(c.payload['eventType'] ?? '')}:${JSON.stringify(c.payload['triggerReason'] ?? '')}:${contexts}:${signatures.join('')}`;
    })
    .join('|');
}

export function jpScenarios(h: Helpers): Record<string, Scenario> {
  return {
    meterTx201: {
      station: {
        settings: {
          'SampledDataCtrlr.TxStartedMeasurands': energy,
          'SampledDataCtrlr.TxEndedMeasurands': energy,
          'SampledDataCtrlr.TxEndedInterval': '1',
          'SampledDataCtrlr.SignReadings': 'true',
          'AlignedDataCtrlr.TxEndedMeasurands': 'Current.Import',
          'AlignedDataCtrlr.TxEndedInterval': '1',
          'AlignedDataCtrlr.SignReadings': 'true',
          'AlignedDataCtrlr.Interval': '1',
          'AlignedDataCtrlr.SendDuringIdle': 'true',
        },
      },
      run: async (csms, st) => {
        await booted(csms, st);
        await st.perform('plugIn', { evseId: 1, connectorId: 1 });
        await st.perform('presentIdToken', { ...token });
        await sleep(2_300);
        await st.perform('presentIdToken', { ...token });
        await st.perform('unplug', { evseId: 1, connectorId: 1 });
        await sleep(200);
        // Drop the idle clock-aligned MeterValues before and after: their number depends on timing.
        return meterWire(csms).split('|').filter((m) => !m.startsWith('MeterValues')).join('|');
      },
    },
    dataTransfer201: {
      run: async (csms, st) => {
        await booted(csms, st);
        return h.answer(csms, 'DataTransfer', { vendorId: 'org.openchargealliance.octt', messageId: 'TestMessage' });
      },
    },
  };
}

export const jpProofs: Record<string, string> = {
  'no-tx-started-meter-values': 'meterTx201',
  'no-aligned-tx-ended-values': 'meterTx201',
  'no-sampled-tx-ended-values': 'meterTx201',
  'aligned-values-during-transaction': 'meterTx201',
  'unsigned-meter-values': 'meterTx201',
  'meter-signature-mismatch': 'meterTx201',
  'data-transfer-accepts-unknown': 'dataTransfer201',
};
