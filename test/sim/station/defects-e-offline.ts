/**
 * Proof scenarios of the 2.0.1 station defects of GetTransactionStatus (v201/transaction-status.ts),
 * of transactions while offline (v201/offline-transactions.ts), of the queue's retries
 * (core/message-queue.ts), of an EV not ready (v201/ev-readiness.ts), of the EV-side cable and the
 * ISO 15118 session stop (v201/ev-side-disconnect.ts) and of DisableRemoteAuthorization
 * (v201/authorization.ts): each one's wire differs from the compliant run. Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import { booted, sleep, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers } from './support.js';

type Helpers = Pick<ScenarioHelpers, 'answer'>;

const valid = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };
const txIdOf = (csms: TestCsms): string => {
  const id = (csms.calls.find((c) => c.payload['eventType'] === 'Started')?.payload['transactionInfo'] as JsonObject | undefined)?.['transactionId'];
  return typeof id === 'string' ? id : 'none';
};
/** The TransactionEvents as eventType:triggerReason:offline. */
const events = (csms: TestCsms): string =>
  csms.calls
    .filter((c) => c.action === 'TransactionEvent')
    .map((c) => `${String(c.payload['eventType'])}:${String(c.payload['triggerReason'])}:${JSON.stringify(c.payload['offline'] ?? '-')}`)
    .join('|');

export function eOffline201Scenarios(h: Helpers): Record<string, Scenario> {
  return {
    transactionStatus201: {
      // Each TransactionEvent answered late, so a GetTransactionStatus right after an event finds it queued.
      csms: { handlers: { TransactionEvent: async () => (await sleep(300), {}) } },
      run: async (csms, st) => {
        await booted(csms, st);
        await st.perform('plugIn', { evseId: 1, connectorId: 1 });
        await st.perform('presentIdToken', valid);
        await sleep(1_200);
        const transactionId = txIdOf(csms);
        const out = [
          await h.answer(csms, 'GetTransactionStatus', { transactionId }),
          await h.answer(csms, 'GetTransactionStatus', {}),
          await h.answer(csms, 'GetTransactionStatus', { transactionId: 'never-issued' }),
        ];
        await st.perform('presentIdToken', valid);
        out.push(await h.answer(csms, 'GetTransactionStatus', { transactionId }), await h.answer(csms, 'GetTransactionStatus', {}));
        await sleep(1_200);
        out.push(await h.answer(csms, 'GetTransactionStatus', { transactionId }));
        return out.join(' ');
      },
    },
    answeredOnce201: {
      // Answered at once, every TransactionEvent is sent once (MessageAttemptInterval 0 keeps a resend quick).
      station: { settings: { 'OCPPCommCtrlr.MessageAttemptInterval.TransactionEvent': '0' } },
      run: async (csms, st) => {
        await booted(csms, st);
        await st.perform('plugIn', { evseId: 1, connectorId: 1 });
        await st.perform('presentIdToken', valid);
        await sleep(400);
        return events(csms);
      },
    },
    evNotReady201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await st.perform('suspendEnergyTransfer', { evseId: 1 });
        await st.perform('presentIdToken', valid);
        await st.perform('plugIn', { evseId: 1, connectorId: 1 });
        await sleep(300);
        return csms.calls.filter((c) => c.action === 'TransactionEvent').map((c) => `${String(c.payload['triggerReason'])}:${String((c.payload['transactionInfo'] as JsonObject | undefined)?.['chargingState'])}`).join('|');
      },
    },
    disableRemoteAuthorization201: {
      station: { settings: { 'AuthCtrlr.DisableRemoteAuthorization': 'true' } },
      run: async (csms, st) => {
        await booted(csms, st);
        const answer = JSON.stringify(await st.perform('presentIdToken', valid));
        await sleep(200);
        return `${answer} Authorize×${csms.calls.filter((c) => c.action === 'Authorize').length}`;
      },
    },
    evSide201: {
      // EV side out and back with StopTxOnEVSideDisconnect false, then the ISO 15118 EV ends the session.
      station: { settings: { 'TxCtrlr.StopTxOnEVSideDisconnect': 'false', 'TxCtrlr.TxStopPoint': 'Authorized' } },
      run: async (csms, st) => {
        await booted(csms, st);
        await st.perform('plugIn', { evseId: 1, connectorId: 1 });
        await st.perform('presentIdToken', valid);
        await sleep(150);
        await st.perform('unplugEvSide', { evseId: 1 });
        await st.perform('plugInEvSide', { evseId: 1 });
        await sleep(150);
        await st.perform('evStopsSession', { evseId: 1 });
        await sleep(200);
        return csms.calls
          .filter((c) => c.action === 'TransactionEvent')
          .map((c) => {
            const info = (c.payload['transactionInfo'] as JsonObject | undefined) ?? {};
            return `${String(c.payload['eventType'])}:${String(c.payload['triggerReason'])}:${String(info['chargingState'])}:${JSON.stringify(info['stoppedReason'] ?? '-')}`;
          })
          .join('|');
      },
    },
    offlineSession201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await st.perform('plugIn', { evseId: 1, connectorId: 1 });
        await st.perform('presentIdToken', valid);
        await sleep(200);
        await st.perform('goOffline', {});
        await sleep(100);
        await st.perform('presentIdToken', valid);
        await st.perform('unplug', { evseId: 1, connectorId: 1 });
        await st.perform('goOnline', {});
        await sleep(800);
        return events(csms);
      },
    },
  };
}

export const eOffline201Proofs: Record<string, string> = {
  'queue-not-reported': 'transactionStatus201',
  'ended-reported-ongoing': 'transactionStatus201',
  'ongoing-reported-ended': 'transactionStatus201',
  'ongoing-indicator-without-id': 'transactionStatus201',
  'resends-answered-message': 'answeredOnce201',
  'suspended-ev-reported-charging': 'evNotReady201',
  'ignores-disable-remote-authorization': 'disableRemoteAuthorization201',
  'ev-side-disconnect-not-idle': 'evSide201',
  'ev-side-disconnect-ends-transaction': 'evSide201',
  'ev-stop-wrong-reason': 'evSide201',
  'no-offline-flag': 'offlineSession201',
  'drops-offline-transaction-events': 'offlineSession201',
};
