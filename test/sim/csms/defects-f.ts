/**
 * Wire tests of the 2.0.1 CSMS defects of block F (remote control) added for the `_CSMS` cases of
 * issue #19: each scenario runs against the compliant simulator and against the one with the
 * defect (defects.test.ts runs them).
 */
import type { CsmsSimulator } from '../../../src/sim/csms/index.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

/** What the station received last after a trigger on a booted 2.0.1 connection. */
async function sent(sim: CsmsSimulator, url: string, trigger: string, params: Record<string, unknown>): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  await sim.perform(trigger, params);
  return station.callsIn().at(-1) ?? 'nothing sent';
}

export const remoteControlCases: BlockDefectCase[] = [
  {
    defect: 'trigger-message-drops-evse',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, 'triggerTriggerMessage', { requestedMessage: 'StatusNotification', evseId: 1, connectorId: 1 }),
    expected: [
      { action: 'TriggerMessage', payload: { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } } },
      { action: 'TriggerMessage', payload: { requestedMessage: 'StatusNotification' } },
    ],
  },
  {
    defect: 'unlock-wrong-connector',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, 'triggerUnlockConnector', { evseId: 1, connectorId: 1 }),
    expected: [
      { action: 'UnlockConnector', payload: { evseId: 1, connectorId: 1 } },
      { action: 'UnlockConnector', payload: { evseId: 1, connectorId: 2 } },
    ],
  },
];
