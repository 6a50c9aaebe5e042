/**
 * Wire tests of the 2.0.1 CSMS defects of block N customer information (N09/N10): the
 * CustomerInformation the compliant simulator sends when triggered and the one the simulator with
 * the defect sends (defects.test.ts runs them).
 */
import type { CsmsSimulator } from '../../../src/sim/csms/index.js';
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

/** report, clear and the idToken type of the CustomerInformation the station received after the trigger. */
async function customerInformation(sim: CsmsSimulator, url: string, params: Record<string, unknown>): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  await sim.perform('triggerCustomerInformation', params);
  const last = station.callsIn().at(-1);
  if (!last) return 'nothing sent';
  const token = last.payload['idToken'] as JsonObject | undefined;
  return { action: last.action, report: last.payload['report'], clear: last.payload['clear'], type: token?.['type'] };
}

export const ncustCases: BlockDefectCase[] = [
  {
    defect: 'customer-information-flags-swapped',
    version: '2.0.1',
    observe: (sim, url) => customerInformation(sim, url, { report: true, clear: false, idToken: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' } }),
    expected: [{ action: 'CustomerInformation', report: true, clear: false, type: 'ISO14443' }, { action: 'CustomerInformation', report: false, clear: true, type: 'ISO14443' }],
  },
  {
    defect: 'customer-information-drops-clear',
    version: '2.0.1',
    observe: (sim, url) => customerInformation(sim, url, { report: true, clear: true, idToken: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' } }),
    expected: [{ action: 'CustomerInformation', report: true, clear: true, type: 'ISO14443' }, { action: 'CustomerInformation', report: true, clear: false, type: 'ISO14443' }],
  },
  {
    defect: 'customer-information-token-type-central',
    version: '2.0.1',
    observe: (sim, url) => customerInformation(sim, url, { report: true, clear: false, idToken: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' } }),
    expected: [{ action: 'CustomerInformation', report: true, clear: false, type: 'ISO14443' }, { action: 'CustomerInformation', report: true, clear: false, type: 'Central' }],
  },
];
