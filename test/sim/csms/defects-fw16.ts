/**
 * Wire tests of the 1.6 CSMS defects of the Firmware Management profile (issue #22): the
 * UpdateFirmware the compliant simulator sends when triggered and the answers it gives the status
 * notifications, against those of the simulator with the defect (defects.test.ts runs them).
 */
import type { CsmsSimulator } from '../../../src/sim/csms/index.js';
import type { CallOutcome } from '../../../src/session/endpoint.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

const summary = (o: CallOutcome): unknown => (o.status === 'result' ? o.payload : o.status === 'error' ? o.errorCode : o.status);
const location = 'http://127.0.0.1:8080/files/firmware.bin';

async function updateFirmware(sim: CsmsSimulator, url: string): Promise<unknown> {
  const station = await connectStation(url, '1.6');
  await station.call('BootNotification', bootOf('1.6'));
  await sim.perform('triggerUpdateFirmware', { location });
  const last = station.callsIn().at(-1);
  return last ? { action: last.action, location: last.payload['location'] } : 'nothing sent';
}

async function notify(url: string, action: string, status: string): Promise<unknown> {
  const station = await connectStation(url, '1.6');
  await station.call('BootNotification', bootOf('1.6'));
  return summary(await station.call(action, { status }));
}

export const firmware16CsmsCases: BlockDefectCase[] = [
  {
    defect: 'update-firmware-wrong-location',
    version: '1.6',
    observe: updateFirmware,
    expected: [{ action: 'UpdateFirmware', location }, { action: 'UpdateFirmware', location: 'http://127.0.0.1:8080/files/firmware-latest.bin' }],
  },
  {
    defect: 'firmware-status-notification-error',
    version: '1.6',
    observe: (_sim, url) => notify(url, 'FirmwareStatusNotification', 'Downloading'),
    expected: [{}, 'InternalError'],
  },
  {
    defect: 'diagnostics-status-notification-error',
    version: '1.6',
    observe: (_sim, url) => notify(url, 'DiagnosticsStatusNotification', 'Uploading'),
    expected: [{}, 'InternalError'],
  },
];
