/**
 * Proof scenarios of the 2.0.1 station defects of block N customer information (N09/N10) and block I tariff and cost (I02): each
 * one's wire differs from the compliant run. Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import { booted, sleep, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers } from './support.js';

type Helpers = Pick<ScenarioHelpers, 'answer'>;

const token = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };

/** The NotifyCustomerInformation messages: requestId, seqNo, tbc, data. */
const notifies = (csms: TestCsms): string =>
  csms.calls
    .filter((c) => c.action === 'NotifyCustomerInformation')
    .map((c) => `${String(c.payload['requestId'])}/${String(c.payload['seqNo'])}/${c.payload['tbc'] === true ? 'tbc' : 'last'}:${JSON.stringify(c.payload['data'])}`)
    .join('|');

export function ncustScenarios(h: Helpers): Record<string, Scenario> {
  return {
    customerInformation201: {
      run: async (csms, st) => {
        await booted(csms, st);
        const entry: JsonObject = { idToken: token, idTokenInfo: { status: 'Accepted' } };
        await h.answer(csms, 'SendLocalList', { versionNumber: 1, updateType: 'Full', localAuthorizationList: [entry] });
        await st.perform('storeCustomerIdentifier', { customerIdentifier: 'OpenChargeAlliance' });
        const out = [
          await h.answer(csms, 'CustomerInformation', { requestId: 1, report: true, clear: false, idToken: token }),
          await h.answer(csms, 'CustomerInformation', { requestId: 2, report: true, clear: true, customerIdentifier: 'OpenChargeAlliance' }),
          await h.answer(csms, 'CustomerInformation', { requestId: 3, report: true, clear: false, customerIdentifier: 'OpenChargeAlliance' }),
          await h.answer(csms, 'CustomerInformation', { requestId: 4, report: true, clear: false }),
        ];
        await sleep(200);
        return `${out.join(' ')} ${notifies(csms)}`;
      },
    },
    tariff201: {
      run: async (csms, st) => {
        await booted(csms, st);
        return h.answer(csms, 'CostUpdated', { totalCost: 2.5, transactionId: 'TX-1' });
      },
    },
  };
}

export const ncustProofs: Record<string, string> = {
  'customer-info-no-notify': 'customerInformation201',
  'customer-info-empty-report': 'customerInformation201',
  'customer-info-accepts-no-customer': 'customerInformation201',
  'customer-info-clear-keeps-data': 'customerInformation201',
  'cost-updated-not-implemented': 'tariff201',
};
