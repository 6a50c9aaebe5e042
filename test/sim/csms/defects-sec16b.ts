/**
 * Wire tests of the 1.6 CSMS defects of the Security Whitepaper modules added by sec16b
 * (v16/security-log.ts, v16/signed-firmware.ts): the GetLog and SignedUpdateFirmware a trigger makes the simulator send, against the compliant
 * simulator and the one with the defect (defects.test.ts).
 */
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

export const sec16bCases: BlockDefectCase[] = [
  {
    defect: 'get-log-wrong-log-type',
    version: '1.6',
    observe: async (sim, url) => {
      const station = await connectStation(url, '1.6', { answers: { GetLog: { status: 'Accepted', filename: 'security.log' } } });
      await station.call('BootNotification', bootOf('1.6'));
      await sim.perform('triggerGetLog', { logType: 'SecurityLog', remoteLocation: 'https://127.0.0.1/logs' });
      const call = station.callsIn().at(-1);
      return call === undefined ? 'nothing sent' : `${call.action} ${String(call.payload['logType'])}`;
    },
    expected: ['GetLog SecurityLog', 'GetLog DiagnosticsLog'],
  },
  {
    defect: 'signed-update-firmware-wrong-location',
    version: '1.6',
    observe: async (sim, url) => {
      const station = await connectStation(url, '1.6', { answers: { SignedUpdateFirmware: { status: 'Accepted' } } });
      await station.call('BootNotification', bootOf('1.6'));
      await sim.perform('triggerSignedUpdateFirmware', { location: 'https://127.0.0.1/fw.bin', signature: 'c2ln', signingCertificate: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n' });
      const call = station.callsIn().at(-1);
      const fw = call?.payload['firmware'] as { location?: unknown } | undefined;
      return call === undefined ? 'nothing sent' : `${call.action} ${String(fw?.location)}`;
    },
    expected: ['SignedUpdateFirmware https://127.0.0.1/fw.bin', 'SignedUpdateFirmware https://127.0.0.1/fw.bin.previous'],
  },
];
