/**
 * Proof scenarios of the 2.0.1 station defects of block F (remote control: remote start
 * authorization, UnlockConnector, TriggerMessage) and of the log / firmware status the triggers
 * report (log-status.ts, firmware-status.ts): each one's wire differs from the compliant run.
 * Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { StationSimulator } from '../../../src/sim/station/station-simulator.js';
import { booted, sleep, type CsmsOptions, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const valid = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };
const notifications: CsmsOptions = { handlers: { LogStatusNotification: () => ({}), FirmwareStatusNotification: () => ({}) } };
const plug = (st: StationSimulator): Promise<unknown> => st.perform('plugIn', { evseId: 1, connectorId: 1 });

/** The readings of MeterValues and TransactionEvents: context of the first sampled value, or none. */
function readings(csms: TestCsms): string {
  return csms.calls
    .filter((c) => c.action === 'MeterValues' || c.action === 'TransactionEvent')
    .map((c) => {
      const mv = (c.payload['meterValue'] as JsonObject[] | undefined)?.[0];
      const sv = (mv?.['sampledValue'] as JsonObject[] | undefined)?.[0];
      return `${c.action}:${String(c.payload['evseId'] ?? c.payload['triggerReason'])}:${JSON.stringify(sv?.['context'] ?? 'none')}`;
    })
    .join('|');
}

export function f201Scenarios(h: Helpers): Record<string, Scenario> {
  const remoteStart = (csms: TestCsms): Promise<string> => h.answer(csms, 'RequestStartTransaction', { idToken: valid, remoteStartId: 7, evseId: 1 });
  const authorizeScenario = (value: string): Scenario => ({
    station: { settings: { 'AuthCtrlr.AuthorizeRemoteStart': value } },
    run: async (csms, st) => {
      await booted(csms, st);
      const a = await remoteStart(csms);
      await sleep(200);
      return `${a} ${h.wire(csms)}`;
    },
  });
  return {
    f201RemoteAuthorize: authorizeScenario('true'),
    f201RemoteNoAuthorize: authorizeScenario('false'),
    f201Unlock: {
      run: async (csms, st) => {
        await booted(csms, st);
        const out = [await h.answer(csms, 'UnlockConnector', { evseId: 1, connectorId: 1 }), await h.answer(csms, 'UnlockConnector', { evseId: 1, connectorId: 999 })];
        await remoteStart(csms);
        await plug(st);
        await sleep(200);
        out.push(await h.answer(csms, 'UnlockConnector', { evseId: 1, connectorId: 1 }));
        return out.join(' ');
      },
    },
    f201Trigger: {
      csms: notifications,
      run: async (csms, st) => {
        await booted(csms, st);
        const trigger = (requestedMessage: string, evse?: JsonObject): Promise<string> => h.answer(csms, 'TriggerMessage', { requestedMessage, ...(evse ? { evse } : {}) });
        const out = [
          await trigger('MeterValues', { id: 1 }),
          await trigger('MeterValues'),
          await trigger('LogStatusNotification'),
          await trigger('FirmwareStatusNotification', { id: 1 }),
          await trigger('BootNotification'),
          await trigger('SignCombinedCertificate'),
        ];
        await remoteStart(csms);
        await plug(st);
        await sleep(300);
        out.push(await trigger('TransactionEvent', { id: 1 }), await trigger('TransactionEvent'), await trigger('StatusNotification', { id: 1, connectorId: 1 }));
        await sleep(200);
        return `${out.join(' ')} ${h.wire(csms)} ${readings(csms)}`;
      },
    },
    f201LogUpload: {
      csms: notifications,
      run: async (csms, st) => {
        await booted(csms, st);
        const a = await h.answer(csms, 'GetLog', { logType: 'DiagnosticsLog', requestId: 5, log: { remoteLocation: 'https://127.0.0.1/logs' } });
        await sleep(100);
        const b = await h.answer(csms, 'TriggerMessage', { requestedMessage: 'LogStatusNotification' });
        await sleep(100);
        return `${a.replace(/"filename":"[^"]*"/, '')} ${b} ${h.wire(csms)}`;
      },
    },
    f201Firmware: {
      csms: notifications,
      run: async (csms, st) => {
        await booted(csms, st);
        const retrieveDateTime = new Date(Date.now() - 7_200_000).toISOString();
        const a = await h.answer(csms, 'UpdateFirmware', { requestId: 6, firmware: { location: 'https://127.0.0.1/fw.bin', retrieveDateTime } });
        await sleep(100);
        const b = await h.answer(csms, 'TriggerMessage', { requestedMessage: 'FirmwareStatusNotification' });
        await sleep(100);
        return `${a} ${b} ${h.wire(csms)}`;
      },
    },
  };
}

/** Which scenario proves each defect. */
export const f201Proofs: Record<string, string> = {
  'remote-start-skips-authorize': 'f201RemoteAuthorize',
  'remote-start-authorizes-anyway': 'f201RemoteNoAuthorize',
  'unlocks-during-transaction': 'f201Unlock',
  'unlock-fails-without-cable': 'f201Unlock',
  'unlock-unknown-connector-unlocked': 'f201Unlock',
  'trigger-rejects-specific-evse': 'f201Trigger',
  'trigger-all-evse-rejected': 'f201Trigger',
  'triggered-meter-values-wrong-context': 'f201Trigger',
  'triggered-tx-event-without-meter-value': 'f201Trigger',
  'trigger-log-status-rejected': 'f201Trigger',
  'trigger-firmware-status-rejected': 'f201Trigger',
  'triggered-status-always-available': 'f201Trigger',
  'trigger-boot-after-accepted': 'f201Trigger',
  'trigger-not-implemented-rejected': 'f201Trigger',
  'log-status-idle-while-uploading': 'f201LogUpload',
  'firmware-status-idle-while-downloading': 'f201Firmware',
};
