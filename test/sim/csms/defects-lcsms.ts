/**
 * Wire tests of the 2.0.1 CSMS defects of block L firmware management (L01): the UpdateFirmware
 * the compliant simulator sends when triggered and the one the simulator with the defect sends
 * (defects.test.ts runs them).
 */
import type { CsmsSimulator } from '../../../src/sim/csms/index.js';
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

const params = { location: 'https://firmware.invalid/fw.bin', signingCertificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', signature: 'c2lnbmF0dXJl', retrieveDateTime: '2099-01-01T00:00:00.000Z', installDateTime: '2099-01-02T00:00:00.000Z' };

/** Which firmware fields the UpdateFirmware the station received after the trigger carries, and its retrieveDateTime. */
async function updateFirmware(sim: CsmsSimulator, url: string): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  await sim.perform('triggerUpdateFirmware', params);
  const last = station.callsIn().at(-1);
  if (!last) return 'nothing sent';
  const fw = last.payload['firmware'] as JsonObject;
  return { action: last.action, fields: Object.keys(fw).sort(), future: fw['retrieveDateTime'] === params.retrieveDateTime };
}

/** How the CSMS answers a successful and a failed firmware status (a CALLERROR by its code). */
async function failureStatus(_sim: CsmsSimulator, url: string): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  const answer = async (status: string): Promise<unknown> => {
    const o = await station.call('FirmwareStatusNotification', { status, requestId: 1 });
    return o.status === 'result' ? 'result' : o.status === 'error' ? o.errorCode : o.status;
  };
  return { downloaded: await answer('Downloaded'), failed: await answer('DownloadFailed') };
}

/** The location of the PublishFirmware the Local Controller received after the trigger. */
async function publishFirmware(sim: CsmsSimulator, url: string): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  await sim.perform('triggerPublishFirmware', { location: params.location, checksum: '0123456789abcdef0123456789abcdef' });
  const last = station.callsIn().at(-1);
  return last ? { action: last.action, location: last.payload['location'], checksum: last.payload['checksum'] } : 'nothing sent';
}

const all = ['installDateTime', 'location', 'retrieveDateTime', 'signature', 'signingCertificate'];
const compliant = { action: 'UpdateFirmware', fields: all, future: true };

export const lcsmsCases: BlockDefectCase[] = [
  {
    defect: 'update-firmware-without-signature',
    version: '2.0.1',
    observe: updateFirmware,
    expected: [compliant, { action: 'UpdateFirmware', fields: ['installDateTime', 'location', 'retrieveDateTime'], future: true }],
  },
  {
    defect: 'update-firmware-drops-install-time',
    version: '2.0.1',
    observe: updateFirmware,
    expected: [compliant, { action: 'UpdateFirmware', fields: ['location', 'retrieveDateTime', 'signature', 'signingCertificate'], future: true }],
  },
  {
    defect: 'update-firmware-retrieves-now',
    version: '2.0.1',
    observe: updateFirmware,
    expected: [compliant, { action: 'UpdateFirmware', fields: all, future: false }],
  },
  {
    defect: 'firmware-failure-status-error',
    version: '2.0.1',
    observe: failureStatus,
    expected: [{ downloaded: 'result', failed: 'result' }, { downloaded: 'result', failed: 'InternalError' }],
  },
  {
    defect: 'publish-firmware-wrong-location',
    version: '2.0.1',
    observe: publishFirmware,
    expected: [
      { action: 'PublishFirmware', location: params.location, checksum: '0123456789abcdef0123456789abcdef' },
      { action: 'PublishFirmware', location: `${params.location}.old`, checksum: '0123456789abcdef0123456789abcdef' },
    ],
  },
];
