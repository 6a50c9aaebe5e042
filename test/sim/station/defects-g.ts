/**
 * Proof scenarios of the 2.0.1 station defects of block G (availability, issue #19): each one's
 * wire differs from the compliant run. Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import { booted, sleep, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const token = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };
const change = (operationalStatus: string, evse?: JsonObject): JsonObject => ({ operationalStatus, ...(evse ? { evse } : {}) });

export function availability201Scenarios(h: Helpers): Record<string, Scenario> {
  /** Every level both ways, also into the state it already has. */
  const levels: Scenario = {
    run: async (csms, st) => {
      await booted(csms, st);
      const out: string[] = [];
      for (const [status, evse] of [
        ['Operative', { id: 1 }],
        ['Inoperative', { id: 1, connectorId: 1 }],
        ['Inoperative', { id: 1, connectorId: 1 }],
        ['Operative', { id: 1, connectorId: 1 }],
        ['Inoperative', undefined],
        ['Inoperative', undefined],
        ['Operative', undefined],
      ] as const) {
        out.push(await h.answer(csms, 'ChangeAvailability', change(status, evse)));
        await sleep(80);
      }
      return `${out.join(' ')} ${h.wire(csms)}`;
    },
  };
  /** Inoperative during a transaction, then the transaction ends. */
  const duringTx: Scenario = {
    run: async (csms, st) => {
      await booted(csms, st);
      await st.perform('plugIn', { evseId: 1, connectorId: 1 });
      await st.perform('presentIdToken', token);
      await sleep(150);
      const a = await h.answer(csms, 'ChangeAvailability', change('Inoperative', { id: 1 }));
      await sleep(100);
      await st.perform('presentIdToken', token);
      await sleep(200);
      return `${a} ${h.wire(csms)}`;
    },
  };
  /** A level made Inoperative, then a reboot. */
  const reboot = (evse?: JsonObject): Scenario => ({
    run: async (csms, st) => {
      await booted(csms, st);
      await h.answer(csms, 'ChangeAvailability', change('Inoperative', evse));
      await sleep(150);
      await st.perform('powerCycle', {});
      await sleep(900);
      return h.wire(csms);
    },
  });
  /** A cable in halfway, then the authorization. */
  const lockFailure: Scenario = {
    run: async (csms, st) => {
      await booted(csms, st);
      await st.perform('plugInHalfway', { evseId: 1, connectorId: 1 });
      await st.perform('presentIdToken', token);
      await sleep(250);
      const states = csms.calls.filter((c) => c.action === 'TransactionEvent').map((c) => String((c.payload['transactionInfo'] as JsonObject | undefined)?.['chargingState']));
      return `${h.wire(csms)} ${states.join(',')}`;
    },
  };
  return {
    availabilityLockFailure201: lockFailure,
    availabilityLevels201: levels,
    availabilityDuringTx201: duringTx,
    availabilityConnectorReboot201: reboot({ id: 1, connectorId: 1 }),
    availabilityStationReboot201: reboot(),
  };
}

export const availability201Proofs: Record<string, string> = {
  'operative-not-reported': 'availabilityLevels201',
  'station-availability-no-connector-status': 'availabilityLevels201',
  'same-availability-rejected': 'availabilityLevels201',
  'connector-availability-rejected': 'availabilityLevels201',
  'availability-interrupts-tx': 'availabilityDuringTx201',
  'scheduled-availability-forgotten': 'availabilityDuringTx201',
  'connector-availability-lost-on-reboot': 'availabilityConnectorReboot201',
  'station-availability-lost-on-reboot': 'availabilityStationReboot201',
  'lock-failure-not-reported': 'availabilityLockFailure201',
  'lock-failure-starts-charging': 'availabilityLockFailure201',
};
