/**
 * OCPP 1.6 TC_019_CS — Retrieve configuration. Derived from OCPP 1.6 edition 2 §5.8 (without keys
 * GetConfiguration.conf lists every configuration setting; with keys, each recognised key with its
 * value and readonly flag) and chapter 9 (the keys a Core charge point is required to have), in
 * the shape of 2.0.1 Part 6 TC_B_06_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { KeyValue } from '../_shared/charge-point.js';

/** OCPP 1.6 §9.1: the configuration keys of the Core profile marked "required". */
const requiredCoreKeys = [
  'AuthorizeRemoteTxRequests', 'ClockAlignedDataInterval', 'ConnectionTimeOut', 'ConnectorPhaseRotation', 'GetConfigurationMaxKeys',
  'HeartbeatInterval', 'LocalAuthorizeOffline', 'LocalPreAuthorize', 'MeterValuesAlignedData', 'MeterValuesSampledData',
  'MeterValueSampleInterval', 'NumberOfConnectors', 'ResetRetries', 'StopTransactionOnEVSideDisconnect', 'StopTransactionOnInvalidId',
  'StopTxnAlignedData', 'StopTxnSampledData', 'SupportedFeatureProfiles', 'TransactionMessageAttempts', 'TransactionMessageRetryInterval',
  'UnlockConnectorOnEVSideDisconnect',
];

export default defineTestCase({
  id: 'TC_019_CS',
  version: '1.6',
  sut: 'cs',
  block: '08 Configuration (Happy Flow)',
  title: 'Retrieve configuration',
  useCases: ['Get Configuration'],
  requirements: ['OCPP 1.6 §5.8', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['drops-get-variables-entries'],
  async run(ctx) {
    await ctx.step('GetConfiguration.req without keys: every required Core key is listed', async () => {
      const res = await ctx.callExpect('GetConfiguration', {});
      const listed = new Set(((res['configurationKey'] as KeyValue[] | undefined) ?? []).map((k) => k.key));
      const missing = requiredCoreKeys.filter((k) => !listed.has(k));
      ctx.check('all required Core configuration keys reported', missing.length === 0, { expected: requiredCoreKeys.join(', '), actual: missing.length === 0 ? `${listed.size} keys, all required ones present` : `missing: ${missing.join(', ')}` });
    });
    await ctx.step('GetConfiguration.req with keys: each one with its value and readonly flag', async () => {
      const keys = ['HeartbeatInterval', 'ConnectionTimeOut', 'NumberOfConnectors', 'SupportedFeatureProfiles'];
      const res = await ctx.callExpect('GetConfiguration', { key: keys });
      const entries = (res['configurationKey'] as KeyValue[] | undefined) ?? [];
      for (const key of keys) {
        const entry = entries.find((e) => e.key === key);
        ctx.check(`${key} is returned with a value`, entry !== undefined && typeof entry.value === 'string', { expected: `${key} with a value`, actual: entry ?? 'absent' });
      }
      ctx.check('NumberOfConnectors is read-only', entries.find((e) => e.key === 'NumberOfConnectors')?.readonly === true, { expected: 'readonly true', actual: entries.find((e) => e.key === 'NumberOfConnectors')?.readonly });
      const unknown = res['unknownKey'] as string[] | undefined;
      ctx.check('no known key reported as unknown', !unknown || unknown.every((k) => !keys.includes(k)), { expected: 'unknownKey absent or without these keys', actual: unknown ?? 'absent' });
    });
  },
});
