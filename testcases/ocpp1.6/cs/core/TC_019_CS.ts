/**
 * OCPP 1.6 TC_019_CS — Retrieve configuration (OCTT 1.6 document, TC_019_CS): GetConfiguration of
 * SupportedFeatureProfiles (steps 1-2), of every key (steps 3-4: the required keys of each
 * supported profile with the accessibility the document lists), of GetConfigurationMaxKeys
 * (steps 5-6), then of as many keys as that allows, picked from step 4 (steps 7-8: all returned,
 * no unknownKey). OCPP 1.6 §5.8, chapter 9.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import type { KeyValue } from '../_shared/charge-point.js';

/**
 * The document's table for step 4, per feature profile: key → accessibility ('R', 'RW' or 'R OR
 * RW'). Reservation and Remote Trigger have none.
 */
const requiredKeys: Record<string, Record<string, 'R' | 'RW' | 'R OR RW'>> = {
  Core: {
    AuthorizeRemoteTxRequests: 'R OR RW', ClockAlignedDataInterval: 'RW', ConnectionTimeOut: 'RW', ConnectorPhaseRotation: 'RW',
    GetConfigurationMaxKeys: 'R', HeartbeatInterval: 'RW', LocalAuthorizeOffline: 'RW', LocalPreAuthorize: 'RW',
    MeterValuesAlignedData: 'RW', MeterValuesSampledData: 'RW', MeterValueSampleInterval: 'RW', NumberOfConnectors: 'R',
    ResetRetries: 'RW', StopTransactionOnInvalidId: 'RW', StopTxnAlignedData: 'RW', StopTxnSampledData: 'RW',
    SupportedFeatureProfiles: 'R', TransactionMessageAttempts: 'RW', TransactionMessageRetryInterval: 'RW', UnlockConnectorOnEVSideDisconnect: 'R OR RW',
  },
  LocalAuthListManagement: { LocalAuthListEnabled: 'RW', LocalAuthListMaxLength: 'R', SendLocalListMaxLength: 'R' },
  SmartCharging: { ChargeProfileMaxStackLevel: 'R', ChargingScheduleAllowedChargingRateUnit: 'R', ChargingScheduleMaxPeriods: 'R', MaxChargingProfilesInstalled: 'R' },
};

const keysOf = (res: JsonObject): KeyValue[] => (res['configurationKey'] as KeyValue[] | undefined) ?? [];
const unknownOf = (res: JsonObject): string[] => (res['unknownKey'] as string[] | undefined) ?? [];

function checkNoUnknown(ctx: TestContext, res: JsonObject, step: number): void {
  const unknown = unknownOf(res);
  ctx.check('unknownKey list is empty', unknown.length === 0, { expected: 'no unknownKey', actual: unknown.length === 0 ? 'none' : unknown.join(', '), step });
}

export default defineTestCase({
  id: 'TC_019_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Configuration Happy flow',
  title: 'Retrieve configuration',
  useCases: ['Get Configuration'],
  requirements: ['OCPP 1.6 §5.8', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'GetConfiguration.conf: SupportedFeatureProfiles returned, unknownKey empty' },
    { step: 4, checks: 'GetConfiguration.conf of all keys: the required keys of every supported profile, with the accessibility of the table' },
    { step: 8, checks: 'GetConfiguration.conf: every key asked for in step 7 returned, unknownKey empty' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_019_CS step 1 validates an own message of the Central System (GetConfiguration.req key SupportedFeatureProfiles); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 3, reason: 'OCTT 1.6 document TC_019_CS step 3 validates an own message of the Central System (GetConfiguration.req with the key omitted); the harness sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 5, reason: 'OCTT 1.6 document TC_019_CS step 5 validates an own message of the Central System (GetConfiguration.req key GetConfigurationMaxKeys); the harness sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 7, reason: 'OCTT 1.6 document TC_019_CS step 7 validates an own message of the Central System (GetConfiguration.req of min(GetConfigurationMaxKeys, all) keys picked from step 4); the harness builds exactly that list: there is nothing of the charge point to judge in it' },
  ],
  detects: ['drops-get-variables-entries', 'wrong-key-accessibility'],
  async run(ctx) {
    const profiles = await ctx.step('Steps 1-2: GetConfiguration.req SupportedFeatureProfiles', async () => {
      const res = await ctx.callExpect('GetConfiguration', { key: ['SupportedFeatureProfiles'] });
      checkNoUnknown(ctx, res, 2);
      const entry = keysOf(res).find((k) => k.key === 'SupportedFeatureProfiles');
      ctx.check('configurationKey.key is SupportedFeatureProfiles', entry !== undefined, { expected: 'SupportedFeatureProfiles', actual: keysOf(res).map((k) => k.key).join(', ') || 'none', step: 2 });
      // A CSL of profile names (1.6 §9.1.34); without it step 4 cannot know which profiles to hold the keys against.
      const value = entry?.value;
      if (value === undefined) return ctx.inconclusive('SupportedFeatureProfiles has no value: the supported profiles of step 4 are unknown');
      return value.split(',').map((p) => p.trim()).filter((p) => p !== '');
    });
    const all = await ctx.step('Steps 3-4: GetConfiguration.req without keys: the required keys of every supported profile', async () => {
      const res = await ctx.callExpect('GetConfiguration', {});
      const listed = new Map(keysOf(res).map((k) => [k.key, k]));
      for (const profile of ['Core', ...profiles.filter((p) => p !== 'Core')]) {
        const table = requiredKeys[profile];
        if (!table) continue; // Reservation, Remote Trigger (and FirmwareManagement) have no required key in the table
        const missing = Object.keys(table).filter((k) => !listed.has(k));
        ctx.check(`all required ${profile} keys reported`, missing.length === 0, { expected: Object.keys(table).join(', '), actual: missing.length === 0 ? 'all present' : `missing: ${missing.join(', ')}`, step: 4 });
        const wrong = Object.entries(table).filter(([k, access]) => {
          const got = listed.get(k);
          return got !== undefined && access !== 'R OR RW' && got.readonly !== (access === 'R');
        });
        ctx.check(`${profile} keys have the accessibility of the table`, wrong.length === 0, {
          expected: 'R = readonly true, RW = readonly false',
          actual: wrong.length === 0 ? 'as listed' : wrong.map(([k, a]) => `${k}: readonly ${String(listed.get(k)?.readonly)} (table ${a})`).join(', '),
          step: 4,
        });
      }
      return [...listed.keys()];
    });
    const maxKeys = await ctx.step('Steps 5-6: GetConfiguration.req GetConfigurationMaxKeys', async () => {
      const res = await ctx.callExpect('GetConfiguration', { key: ['GetConfigurationMaxKeys'] });
      const value = Number(keysOf(res).find((k) => k.key === 'GetConfigurationMaxKeys')?.value);
      if (!Number.isInteger(value) || value < 1) return ctx.inconclusive('GetConfigurationMaxKeys has no positive integer value: the length of the step 7 list is unknown');
      return value;
    });
    await ctx.step('Steps 7-8: GetConfiguration.req of min(GetConfigurationMaxKeys, all) keys from step 4: all returned', async () => {
      const asked = all.slice(0, Math.min(maxKeys, all.length));
      const res = await ctx.callExpect('GetConfiguration', { key: asked });
      checkNoUnknown(ctx, res, 8);
      const returned = new Set(keysOf(res).map((k) => k.key));
      const missing = asked.filter((k) => !returned.has(k));
      ctx.check('configurationKey contains every key asked for', missing.length === 0, { expected: `${asked.length} keys`, actual: missing.length === 0 ? 'all returned' : `missing: ${missing.join(', ')}`, step: 8 });
    });
  },
});
