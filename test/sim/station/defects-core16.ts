/**
 * Proof scenarios of the 1.6 Core defects added for the OCTT 1.6 re-derivation (issue #17): each
 * one's wire differs from the compliant run. Used by ./defects.test.ts.
 */
import type { StationSimulator } from '../../../src/sim/station/station-simulator.js';
import { booted, sleep, waitFor, type CsmsOptions, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const valid = '04A1B2C3D4E5F6';
const sameGroup = '04A1B2C3D4E5F7';
const otherCard = '04A1B2C3D4E5F8';
/** The Central System of these scenarios: every card Accepted, the first two of one parentIdTag. */
const groupCsms: CsmsOptions = {
  handlers: {
    Authorize: (c) => ({ idTagInfo: c.payload['idTag'] === otherCard ? { status: 'Accepted' } : { status: 'Accepted', parentIdTag: 'GROUP-01' } }),
    StartTransaction: () => ({ transactionId: 1, idTagInfo: { status: 'Accepted', parentIdTag: 'GROUP-01' } }),
  },
};

export function core16Scenarios({ wire, answer }: Helpers): Record<string, Scenario> {
  const plug = (st: StationSimulator): Promise<unknown> => st.perform('plugIn', { connectorId: 1 });
  const present = (st: StationSimulator, idToken: string): Promise<unknown> => st.perform('presentIdToken', { idToken, type: 'ISO14443', connectorId: 1 });
  const charging = async (csms: TestCsms, st: StationSimulator): Promise<void> => {
    await booted(csms, st);
    await plug(st);
    await present(st, valid);
    await sleep(150);
  };
  const stopTags = (csms: TestCsms): string => csms.calls.filter((c) => c.action === 'StopTransaction').map((c) => String(c.payload['idTag'])).join(',');
  const evUnplug: Scenario['run'] = async (csms, st) => {
    await charging(csms, st);
    await st.perform('unplugEvSide', { connectorId: 1 });
    await sleep(150);
    return wire(csms);
  };
  return {
    otherCard: {
      csms: groupCsms,
      run: async (csms, st) => {
        await charging(csms, st);
        await present(st, otherCard);
        await sleep(150);
        return wire(csms);
      },
    },
    sameGroupCard: {
      csms: groupCsms,
      run: async (csms, st) => {
        await charging(csms, st);
        await present(st, sameGroup);
        await sleep(150);
        return `${wire(csms)} stopped by ${stopTags(csms)}`;
      },
    },
    evUnplug: { run: evUnplug },
    evUnplugKeep: { station: { settings: { StopTransactionOnEVSideDisconnect: 'false' } }, run: evUnplug },
    resetInoperative: {
      run: async (csms, st) => {
        await booted(csms, st);
        const change = await answer(csms, 'ChangeAvailability', { connectorId: 1, type: 'Inoperative' });
        await sleep(100);
        const boots = csms.calls.filter((c) => c.action === 'BootNotification').length;
        const reset = await answer(csms, 'Reset', { type: 'Hard' });
        await waitFor(() => csms.calls.filter((c) => c.action === 'BootNotification').length > boots, 5_000);
        await sleep(300);
        return `${change} ${reset} ${wire(csms)}`;
      },
    },
    accessibility: {
      run: async (csms, st) => {
        await booted(csms, st);
        return answer(csms, 'GetConfiguration', { key: ['MeterValueSampleInterval'] });
      },
    },
    remoteBusy: {
      run: async (csms, st) => {
        await charging(csms, st);
        return answer(csms, 'RemoteStartTransaction', { connectorId: 1, idTag: valid });
      },
    },
    cache: {
      station: { settings: { LocalPreAuthorize: 'true', AuthorizationCacheEnabled: 'true' } },
      run: async (csms, st) => {
        await charging(csms, st);
        await present(st, valid);
        await sleep(100);
        await st.perform('unplug', { connectorId: 1 });
        await sleep(100);
        const before = csms.calls.filter((c) => c.action === 'Authorize').length;
        await present(st, valid);
        await sleep(100);
        const cached = csms.calls.filter((c) => c.action === 'Authorize').length - before;
        await present(st, valid);
        await sleep(100);
        const clear = await answer(csms, 'ClearCache', {});
        const mark = csms.calls.filter((c) => c.action === 'Authorize').length;
        await present(st, valid);
        await sleep(100);
        return `cached:${cached} ${clear} after clear:${csms.calls.filter((c) => c.action === 'Authorize').length - mark}`;
      },
    },
  };
}

/** Which of those scenarios proves which defect. */
export const core16Proofs: Record<string, string> = {
  'suspended-evse-while-charging': 'otherCard',
  'stops-on-any-idtag': 'otherCard',
  'ignores-parent-id-tag': 'sameGroupCard',
  'stop-idtag-of-start': 'sameGroupCard',
  'no-finishing-after-ev-unplug': 'evUnplug',
  'stops-on-ev-disconnect-regardless': 'evUnplugKeep',
  'availability-lost-on-reset': 'resetInoperative',
  'wrong-key-accessibility': 'accessibility',
  'accepts-remote-start-when-busy': 'remoteBusy',
  'cache-not-used': 'cache',
  'clear-cache-ignored': 'cache',
};
