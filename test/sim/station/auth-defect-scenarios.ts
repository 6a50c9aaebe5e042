/**
 * Block C (2.0.1 station) defect scenarios for test/sim/station/defects.test.ts: the Authorization
 * Cache (C10–C12), GroupId (C09), master pass (C16) and StopTxOnInvalidId / MaxEnergyOnInvalidId.
 * Each scenario's result shows the AuthorizeRequests and TransactionEvents the station sent, so the
 * defect it proves changes it.
 */
import type { CallHandler } from '../../../src/engine/authoring.js';
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { StationOptions, StationSimulator } from '../../../src/sim/station/station-simulator.js';
import { booted, sleep, waitFor, type CsmsOptions, type TestCsms } from './support.js';

interface Scenario {
  csms?: CsmsOptions;
  station?: Partial<StationOptions>;
  run(csms: TestCsms, st: StationSimulator): Promise<string>;
}

const valid = '04A1B2C3D4E5F6';
const valid2 = '04A1B2C3D4E5F7';
const invalid = '04FFEEDDCCBBAA';
const master = '04AA55AA55AA55';
const other = '04D1FF0E2C3B4A';

const present = (st: StationSimulator, idToken: string): Promise<unknown> => st.perform('presentIdToken', { evseId: 1, idToken, type: 'ISO14443' });
const plug = (st: StationSimulator): Promise<unknown> => st.perform('plugIn', { evseId: 1, connectorId: 1 });
const unplug = (st: StationSimulator): Promise<unknown> => st.perform('unplug', { evseId: 1, connectorId: 1 });
const settings = (s: Record<string, string>): Partial<StationOptions> => ({ settings: s });

/** Authorize / TransactionEvent answers by idToken (others: Invalid). */
function answers(table: Record<string, JsonObject>, te: Record<string, JsonObject> = table): Record<string, CallHandler> {
  const tok = (p: JsonObject): string => {
    const t = (p['idToken'] as JsonObject | undefined)?.['idToken'];
    return typeof t === 'string' ? t : '';
  };
  return {
    Authorize: (c) => ({ idTokenInfo: table[tok(c.payload)] ?? { status: 'Invalid' } }),
    TransactionEvent: (c) => (c.payload['idToken'] === undefined ? {} : { idTokenInfo: te[tok(c.payload)] ?? { status: 'Invalid' } }),
  };
}
const group = (status: string, id = 'GROUP-01'): JsonObject => ({ status, groupIdToken: { idToken: id, type: 'Central' } });

/** The station's Authorize and TransactionEvent requests, in order. */
function authWire(csms: TestCsms): string {
  return csms.calls
    .filter((c) => c.action === 'Authorize' || c.action === 'TransactionEvent')
    .map((c) => {
      const ti = (c.payload['transactionInfo'] as JsonObject | undefined) ?? {};
      const tok = (c.payload['idToken'] as JsonObject | undefined)?.['idToken'];
      return [c.action, tok, c.payload['eventType'], c.payload['triggerReason'], ti['chargingState'], ti['stoppedReason']].filter((x) => x !== undefined).map(String).join(':');
    })
    .join('|');
}

async function call(csms: TestCsms, action: string, payload: JsonObject): Promise<string> {
  const out = await csms.ep().call(action, payload, { timeoutMs: 2_000 });
  return out.status === 'result' ? JSON.stringify(out.payload) : out.status;
}

export function authScenarios(): Record<string, Scenario> {
  return {
    cacheHit: {
      station: settings({ 'AuthCtrlr.LocalPreAuthorize': 'true' }),
      run: async (csms, st) => {
        await booted(csms, st);
        await present(st, invalid);
        await sleep(100);
        await present(st, valid);
        await sleep(100);
        await present(st, valid);
        await sleep(100);
        return authWire(csms);
      },
    },
    postAuthorize: {
      station: settings({ 'AuthCtrlr.LocalPreAuthorize': 'true', 'AuthCacheCtrlr.DisablePostAuthorize': 'true' }),
      run: async (csms, st) => {
        await booted(csms, st);
        await present(st, invalid);
        await sleep(100);
        await present(st, invalid);
        await sleep(100);
        return authWire(csms);
      },
    },
    cachedInvalid: {
      station: settings({ 'AuthCtrlr.LocalPreAuthorize': 'true' }),
      run: async (csms, st) => {
        await booted(csms, st);
        await plug(st);
        await present(st, invalid);
        await sleep(100);
        await present(st, invalid);
        await sleep(150);
        return authWire(csms);
      },
    },
    noPreAuthorize: {
      run: async (csms, st) => {
        await booted(csms, st);
        await present(st, valid);
        await sleep(100);
        await present(st, valid);
        await sleep(100);
        return authWire(csms);
      },
    },
    cacheReboot: {
      station: settings({ 'AuthCtrlr.LocalPreAuthorize': 'true' }),
      run: async (csms, st) => {
        await booted(csms, st);
        await present(st, valid);
        await sleep(100);
        await st.perform('powerCycle', {});
        await sleep(300);
        await waitFor(() => st.registration === 'Accepted');
        await sleep(150);
        await present(st, valid);
        await sleep(100);
        return authWire(csms);
      },
    },
    txUpdate: {
      station: settings({ 'AuthCtrlr.LocalPreAuthorize': 'true' }),
      csms: { handlers: answers({ [valid]: { status: 'Accepted' } }, { [valid]: { status: 'Invalid' } }) },
      run: async (csms, st) => {
        await booted(csms, st);
        await present(st, valid);
        await plug(st);
        await sleep(200);
        await unplug(st);
        await sleep(100);
        await plug(st);
        await present(st, valid);
        await sleep(200);
        return authWire(csms);
      },
    },
    cacheLifeTime: {
      station: settings({ 'AuthCtrlr.LocalPreAuthorize': 'true', 'AuthCacheCtrlr.LifeTime': '1' }),
      run: async (csms, st) => {
        await booted(csms, st);
        await present(st, valid);
        await sleep(1_100);
        await present(st, valid);
        await sleep(100);
        return authWire(csms);
      },
    },
    clearCache: {
      station: settings({ 'AuthCtrlr.LocalPreAuthorize': 'true' }),
      run: async (csms, st) => {
        await booted(csms, st);
        await present(st, valid);
        const cleared = await call(csms, 'ClearCache', {});
        await present(st, valid);
        await call(csms, 'SetVariables', { setVariableData: [{ component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Enabled' }, attributeValue: 'false' }] });
        const disabled = await call(csms, 'ClearCache', {});
        await sleep(100);
        return `${cleared} ${disabled} ${authWire(csms)}`;
      },
    },
    group: {
      csms: { handlers: answers({ [valid]: group('Accepted'), [valid2]: group('Accepted'), [invalid]: group('Invalid'), [other]: { status: 'Accepted' } }) },
      run: async (csms, st) => {
        await booted(csms, st);
        await plug(st);
        await present(st, valid);
        await sleep(150);
        await present(st, other);
        await sleep(100);
        await present(st, invalid);
        await sleep(100);
        await present(st, valid2);
        await sleep(150);
        return authWire(csms);
      },
    },
    groupCached: {
      station: settings({ 'AuthCtrlr.LocalPreAuthorize': 'true' }),
      csms: { handlers: answers({ [valid]: group('Accepted'), [valid2]: group('Accepted') }) },
      run: async (csms, st) => {
        await booted(csms, st);
        await present(st, valid2);
        await sleep(100);
        await present(st, valid);
        await plug(st);
        await sleep(150);
        await present(st, valid2);
        await sleep(150);
        return authWire(csms);
      },
    },
    masterPass: {
      station: settings({ 'AuthCtrlr.MasterPassGroupId': 'MASTER' }),
      csms: { handlers: answers({ [valid]: { status: 'Accepted' }, [master]: group('Accepted', 'MASTER') }) },
      run: async (csms, st) => {
        await booted(csms, st);
        await present(st, master);
        await plug(st);
        await sleep(150);
        await present(st, valid);
        await sleep(150);
        await present(st, master);
        await sleep(150);
        return authWire(csms);
      },
    },
    unknownToken: {
      csms: { handlers: answers({}, {}) },
      run: async (csms, st) => {
        await booted(csms, st);
        csms.ep().handle('Authorize', () => ({ idTokenInfo: { status: 'Unknown' } }));
        await plug(st);
        await present(st, invalid);
        await sleep(200);
        return authWire(csms);
      },
    },
    invalidLater: {
      station: settings({ 'TxCtrlr.StopTxOnInvalidId': 'false' }),
      csms: { handlers: answers({ [valid]: { status: 'Accepted' } }, { [valid]: { status: 'Invalid' } }) },
      run: async (csms, st) => {
        await booted(csms, st);
        await plug(st);
        await present(st, valid);
        await sleep(200);
        return authWire(csms);
      },
    },
    invalidLaterMaxEnergy: {
      station: settings({ 'TxCtrlr.StopTxOnInvalidId': 'false', 'TxCtrlr.MaxEnergyOnInvalidId': '10000' }),
      csms: { handlers: answers({ [valid]: { status: 'Accepted' } }, { [valid]: { status: 'Invalid' } }) },
      run: async (csms, st) => {
        await booted(csms, st);
        await plug(st);
        await present(st, valid);
        await sleep(200);
        return authWire(csms);
      },
    },
    offlineCache: {
      run: async (csms, st) => {
        await booted(csms, st);
        await plug(st);
        await present(st, valid);
        await sleep(100);
        await present(st, valid);
        await sleep(100);
        await unplug(st);
        await st.perform('goOffline', {});
        await sleep(100);
        await plug(st);
        await present(st, valid);
        await st.perform('goOnline', {});
        await sleep(400);
        await waitFor(() => st.registration === 'Accepted');
        await sleep(300);
        return authWire(csms);
      },
    },
    offlineUnknown: {
      station: settings({ 'AuthCtrlr.OfflineTxForUnknownIdEnabled': 'true' }),
      run: async (csms, st) => {
        await booted(csms, st);
        await st.perform('goOffline', {});
        await sleep(100);
        await plug(st);
        await present(st, other);
        await st.perform('goOnline', {});
        await sleep(400);
        await waitFor(() => st.registration === 'Accepted');
        await sleep(300);
        return authWire(csms);
      },
    },
  };
}

/** Which scenario proves each block C defect (2.0.1). */
export const authProofs: Record<string, string> = {
  'cache-accepted-still-authorizes': 'cacheHit',
  'cache-never-stores': 'cacheHit',
  'cache-not-updated-on-authorize': 'postAuthorize',
  'ignores-disable-post-authorize': 'postAuthorize',
  'cache-status-ignored': 'cachedInvalid',
  'cache-no-post-authorize': 'cachedInvalid',
  'cache-ignores-local-pre-authorize': 'noPreAuthorize',
  'cache-lost-on-reboot': 'cacheReboot',
  'cache-not-updated-on-transaction-event': 'txUpdate',
  'cache-ignores-lifetime': 'cacheLifeTime',
  'clear-cache-keeps-entries': 'clearCache',
  'clear-cache-accepted-when-disabled': 'clearCache',
  'cache-drops-group-id': 'groupCached',
  'group-id-ignored': 'group',
  'group-stop-ignores-status': 'group',
  'stops-on-any-accepted-token': 'group',
  'master-pass-starts-tx': 'masterPass',
  'master-pass-ignored': 'masterPass',
  'master-pass-wrong-reason': 'masterPass',
  'starts-tx-for-unknown-token': 'unknownToken',
  'ignores-stop-tx-on-invalid-id-false': 'invalidLater',
  'max-energy-on-invalid-ignored': 'invalidLaterMaxEnergy',
  'ignores-local-authorize-offline': 'offlineCache',
  'offline-unknown-id-refused': 'offlineUnknown',
};
