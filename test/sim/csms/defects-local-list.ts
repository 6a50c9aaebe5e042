/**
 * Wire tests of the 2.0.1 CSMS defects of block D (local authorization list, TC_D_01..04_CSMS):
 * the SendLocalList a trigger makes the simulator send, against the compliant simulator and the
 * one with the defect (defects.test.ts runs them).
 */
import type { CsmsSimulator } from '../../../src/sim/csms/index.js';
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

/** versionNumber, updateType, how many entries and how many carry idTokenInfo, of the SendLocalList sent. */
async function sendLocalList(sim: CsmsSimulator, url: string, params: Record<string, unknown>): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  await sim.perform('triggerSendLocalList', params);
  const call = station.callsIn().at(-1) as { action?: string; payload?: JsonObject } | undefined;
  if (call?.action !== 'SendLocalList' || call.payload === undefined) return 'nothing sent';
  const list = Array.isArray(call.payload['localAuthorizationList']) ? (call.payload['localAuthorizationList'] as JsonObject[]) : [];
  return { versionNumber: call.payload['versionNumber'], updateType: call.payload['updateType'], entries: list.length, withInfo: list.filter((e) => e['idTokenInfo'] !== undefined).length };
}

export const localListCases: BlockDefectCase[] = [
  {
    defect: 'local-list-full-without-tokens',
    version: '2.0.1',
    observe: (sim, url) => sendLocalList(sim, url, { updateType: 'Full' }),
    expected: [{ versionNumber: 1, updateType: 'Full', entries: 6, withInfo: 6 }, { versionNumber: 1, updateType: 'Full', entries: 0, withInfo: 0 }],
  },
  {
    defect: 'local-list-differential-stale-version',
    version: '2.0.1',
    observe: (sim, url) => sendLocalList(sim, url, { updateType: 'Differential' }),
    expected: [{ versionNumber: 1, updateType: 'Differential', entries: 6, withInfo: 6 }, { versionNumber: 0, updateType: 'Differential', entries: 6, withInfo: 6 }],
  },
  {
    defect: 'local-list-remove-keeps-info',
    version: '2.0.1',
    observe: (sim, url) => sendLocalList(sim, url, { updateType: 'Differential', remove: ['04A1B2C3D4E5F6'] }),
    expected: [{ versionNumber: 1, updateType: 'Differential', entries: 1, withInfo: 0 }, { versionNumber: 1, updateType: 'Differential', entries: 1, withInfo: 1 }],
  },
  {
    defect: 'local-list-clear-sends-tokens',
    version: '2.0.1',
    observe: (sim, url) => sendLocalList(sim, url, { updateType: 'Full', localAuthorizationList: [] }),
    expected: [{ versionNumber: 1, updateType: 'Full', entries: 0, withInfo: 0 }, { versionNumber: 1, updateType: 'Full', entries: 6, withInfo: 6 }],
  },
];
