/**
 * TC_019_1_CSMS Retrieve all configuration keys (OCTT 1.6 document §3.7.1, Table 133; OCPP 1.6
 * §5.8 GetConfiguration, §9.1 Core profile keys).
 *
 * The operator makes the Central System read the Charge Point's whole configuration: the
 * GetConfiguration.req names no key (step 1), so the answer lists every key; for this Core-only
 * Charge Point the Core keys of the document's table with their accessibility (step 2).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { generalPreconditions, getConfigurationAnswer, triggeredCall } from '../_shared/charge-point.js';

/** The Core keys of the document's step 2 table and whether each is read-only (undefined: R or RW). */
const coreKeys: ReadonlyArray<[string, boolean | undefined]> = [
  ['AuthorizeRemoteTxRequests', undefined],
  ['ClockAlignedDataInterval', false],
  ['ConnectionTimeOut', false],
  ['ConnectorPhaseRotation', false],
  ['GetConfigurationMaxKeys', true],
  ['HeartbeatInterval', false],
  ['LocalAuthorizeOffline', false],
  ['LocalPreAuthorize', false],
  ['MeterValuesAlignedData', false],
  ['MeterValuesSampledData', false],
  ['MeterValueSampleInterval', false],
  ['NumberOfConnectors', true],
  ['ResetRetries', false],
  ['StopTransactionOnEVSideDisconnect', false],
  ['StopTransactionOnInvalidId', false],
  ['StopTxnAlignedData', false],
  ['StopTxnSampledData', false],
  ['SupportedFeatureProfiles', true],
  ['TransactionMessageAttempts', false],
  ['TransactionMessageRetryInterval', false],
  ['UnlockConnectorOnEVSideDisconnect', false],
];

export default defineTestCase({
  id: 'TC_019_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Configuration Happy flow',
  title: 'Retrieve all configuration keys',
  requirements: ['OCPP 1.6 §5.8', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'GetConfiguration.req key empty or absent' },
    { step: 2, checks: 'the answer to that request lists every Core key of the table with its accessibility' },
  ],
  detects: ['ignores-trigger', 'get-configuration-fixed-keys'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step('Steps 1-2: GetConfiguration.req for all keys → GetConfiguration.conf with every key', async () => {
      const call = await triggeredCall(ctx, { action: 'GetConfiguration', trigger: 'triggerGetVariables', answer: (c) => getConfigurationAnswer(ctx, c.payload), step: 1 });
      const key = call.payload.key;
      ctx.check('GetConfiguration.req key is empty (all keys, §5.8)', key === undefined || (Array.isArray(key) && key.length === 0), { expected: 'no key list, or an empty one', actual: key ?? 'absent', frames: call.frames, step: 1 });
      const listed = new Map((Array.isArray(call.reply.configurationKey) ? call.reply.configurationKey : []).map((k) => [String((k as JsonObject).key), (k as JsonObject).readonly]));
      const wrong = coreKeys.filter(([name, readonly]) => !listed.has(name) || (readonly !== undefined && listed.get(name) !== readonly)).map(([name]) => name);
      ctx.check('GetConfiguration.conf lists every Core key with its accessibility', wrong.length === 0, { expected: 'all 21 Core keys of the table', actual: wrong.length === 0 ? 'all listed' : `missing or other accessibility: ${wrong.join(', ')}`, frames: call.frames, step: 2 });
    });
  },
});
