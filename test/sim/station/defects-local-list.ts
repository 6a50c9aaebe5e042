/**
 * Proof scenarios of the 2.0.1 station defects of block D (local list) and of ISO 15118 contract
 * authorization (issue #18 part 4): each one's wire differs from the compliant run. Used by
 * ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { StationSimulator } from '../../../src/sim/station/station-simulator.js';
import { moRootPem } from '../../../src/sim/station/v201/contract-certificate.js';
import { booted, sleep, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const valid = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };
const sameGroup = { idToken: '04A1B2C3D4E5F7', type: 'ISO14443' };
const invalid = { idToken: '04FFEEDDCCBBAA', type: 'ISO14443' };
const entry = (t: { idToken: string; type: string }, status: string, group?: string): JsonObject => ({ idToken: t, idTokenInfo: { status, ...(group ? { groupIdToken: { idToken: group, type: 'Central' } } : {}) } });
const set = (variable: string, value: string, component = 'AuthCtrlr'): JsonObject => ({ component: { name: component }, variable: { name: variable }, attributeValue: value });
const plug = (st: StationSimulator): Promise<unknown> => st.perform('plugIn', { evseId: 1, connectorId: 1 });
const present = async (st: StationSimulator, t: { idToken: string; type: string }): Promise<string> => JSON.stringify(await st.perform('presentIdToken', { ...t }));
/** What the station sent in Authorize requests: which keys, which idToken type. */
const authorizes = (csms: TestCsms): string => csms.calls.filter((c) => c.action === 'Authorize').map((c) => `${String((c.payload['idToken'] as JsonObject | undefined)?.['type'])}:${Object.keys(c.payload).sort().join(',')}`).join('|');

export function localList201Scenarios(h: Helpers): Record<string, Scenario> {
  return {
    localList201: {
      run: async (csms, st) => {
        await booted(csms, st);
        const out = [
          await h.answer(csms, 'SendLocalList', { versionNumber: 3, updateType: 'Full', localAuthorizationList: [entry(valid, 'Accepted')] }),
          await h.answer(csms, 'GetLocalListVersion', {}),
          await h.answer(csms, 'SendLocalList', { versionNumber: 4, updateType: 'Differential', localAuthorizationList: [entry(invalid, 'Invalid')] }),
          await h.answer(csms, 'GetVariables', { getVariableData: [{ component: { name: 'LocalAuthListCtrlr' }, variable: { name: 'Entries' } }] }),
          await h.answer(csms, 'SendLocalList', { versionNumber: 5, updateType: 'Differential', localAuthorizationList: [{ idToken: valid }] }),
          await h.answer(csms, 'SendLocalList', { versionNumber: 5, updateType: 'Differential', localAuthorizationList: [entry(valid, 'Accepted')] }),
          await h.answer(csms, 'SendLocalList', { versionNumber: 6, updateType: 'Differential' }),
          await h.answer(csms, 'GetLocalListVersion', {}),
          await h.answer(csms, 'SendLocalList', { versionNumber: 7, updateType: 'Full' }),
          await h.answer(csms, 'GetLocalListVersion', {}),
        ];
        return out.join(' ');
      },
    },
    localListAuth201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'SetVariables', { setVariableData: [set('LocalPreAuthorize', 'true')] });
        await h.answer(csms, 'SendLocalList', { versionNumber: 1, updateType: 'Full', localAuthorizationList: [entry(valid, 'Accepted', 'GROUP-01'), entry(sameGroup, 'Accepted', 'GROUP-01'), entry(invalid, 'Invalid')] });
        const refused = await present(st, invalid);
        await plug(st);
        const started = await present(st, valid);
        await sleep(150);
        const stopped = await present(st, sameGroup);
        await sleep(200);
        return `${refused} ${started} ${stopped} ${h.wire(csms)}`;
      },
    },
    localListPostAuthorize201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'SetVariables', { setVariableData: [set('LocalPreAuthorize', 'true'), set('DisablePostAuthorize', 'true', 'LocalAuthListCtrlr')] });
        await h.answer(csms, 'SendLocalList', { versionNumber: 1, updateType: 'Full', localAuthorizationList: [entry(invalid, 'Invalid')] });
        const out = await present(st, invalid);
        await sleep(100);
        return `${out} ${h.wire(csms)}`;
      },
    },
    localListOffline201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'SendLocalList', { versionNumber: 1, updateType: 'Full', localAuthorizationList: [entry(valid, 'Accepted')] });
        await st.perform('goOffline', {});
        await sleep(300);
      await sleep(300);
        await plug(st);
        const out = await present(st, valid);
        await st.perform('goOnline', {});
        await sleep(600);
        return `${out} ${h.wire(csms)}`;
      },
    },
    localListReboot201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'SendLocalList', { versionNumber: 3, updateType: 'Full', localAuthorizationList: [entry(valid, 'Accepted')] });
        await st.perform('powerCycle', {});
        await sleep(400);
        await booted(csms, st);
        return h.answer(csms, 'GetLocalListVersion', {});
      },
    },
    localListDisabled201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'SendLocalList', { versionNumber: 3, updateType: 'Full', localAuthorizationList: [entry(valid, 'Accepted')] });
        await h.answer(csms, 'SetVariables', { setVariableData: [set('Enabled', 'false', 'LocalAuthListCtrlr')] });
        return h.answer(csms, 'GetLocalListVersion', {});
      },
    },
    pncCentral201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'SetVariables', { setVariableData: [set('CentralContractValidationAllowed', 'true', 'ISO15118Ctrlr')] });
        await plug(st);
        const out = JSON.stringify(await st.perform('presentContractCertificate', { evseId: 1 }));
        await sleep(150);
        return `${out} ${authorizes(csms)} ${h.wire(csms)}`;
      },
    },
    pncLocal201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'InstallCertificate', { certificateType: 'MORootCertificate', certificate: moRootPem });
        await plug(st);
        const out = JSON.stringify(await st.perform('presentContractCertificate', { evseId: 1 }));
        return `${out} ${authorizes(csms)}`;
      },
    },
    pncOfflineTrue201: pncOffline(h, 'true'),
    pncOfflineFalse201: pncOffline(h, 'false'),
  };
}

function pncOffline(h: Helpers, contractValidationOffline: string): Scenario {
  return {
    run: async (csms, st) => {
      await booted(csms, st);
      await h.answer(csms, 'InstallCertificate', { certificateType: 'MORootCertificate', certificate: moRootPem });
      await h.answer(csms, 'SetVariables', { setVariableData: [set('ContractValidationOffline', contractValidationOffline, 'ISO15118Ctrlr')] });
      await st.perform('goOffline', {});
      await sleep(300);
      await plug(st);
      const out = JSON.stringify(await st.perform('presentContractCertificate', { evseId: 1 }));
      await st.perform('goOnline', {});
      await sleep(600);
      return `${out} ${h.wire(csms)}`;
    },
  };
}

export const localList201Proofs: Record<string, string> = {
  'local-list-stale-version': 'localList201',
  'local-list-rejects-differential': 'localList201',
  'local-list-differential-remove-fails': 'localList201',
  'local-list-rejects-empty-full': 'localList201',
  'local-list-rejects-empty-differential': 'localList201',
  'local-list-no-version-mismatch': 'localList201',
  'local-list-version-zero': 'localList201',
  'local-list-version-when-disabled': 'localListDisabled201',
  'local-list-not-stored': 'localList201',
  'local-list-all-accepted': 'localListAuth201',
  'local-list-drops-group': 'localListAuth201',
  'local-list-no-post-authorize': 'localListAuth201',
  'local-list-post-authorize': 'localListPostAuthorize201',
  'local-list-unused-offline': 'localListOffline201',
  'local-list-lost-on-reboot': 'localListReboot201',
  'pnc-authorize-without-certificate': 'pncCentral201',
  'pnc-charges-after-rejected-contract': 'pncCentral201',
  'pnc-local-no-hash-data': 'pncLocal201',
  'pnc-no-offline-contract-validation': 'pncOfflineTrue201',
  'pnc-offline-ignores-contract-setting': 'pncOfflineFalse201',
};
