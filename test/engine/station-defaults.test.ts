/**
 * Issue #11: the harness-as-station answers every CALL the version defines for a station, as a
 * compliant station would — never "NotSupported by the harness" — with schema-valid replies, a
 * device model / key table that remembers writes, and the message a TriggerMessage asks for.
 */
import { expect } from 'chai';
import { defaultConfiguredValues } from '../../src/engine/configured-values.js';
import { Responders } from '../../src/engine/responders.js';
import { installStationDefaults } from '../../src/engine/roles/station-defaults.js';
import type { JsonObject } from '../../src/protocol/frames.js';
import { actionsOf, isKnownAction, maySend } from '../../src/protocol/actions.js';
import { builtinSchemaSet } from '../../src/protocol/schemas.js';
import { validatePayload } from '../../src/protocol/validator.js';
import type { InboundCall, OcppEndpoint } from '../../src/session/endpoint.js';

function setup(version: '1.6' | '2.0.1', extra: Record<string, unknown> = {}) {
  const sent: Array<[string, JsonObject]> = [];
  const peer = { call: (action: string, payload: JsonObject) => (sent.push([action, payload]), Promise.resolve({ status: 'result' })) } as unknown as OcppEndpoint;
  const responders = new Responders((a) => isKnownAction(version, a));
  installStationDefaults(responders, version, { ...defaultConfiguredValues, extra }, () => peer);
  const afters: Array<() => void | Promise<void>> = [];
  const ask = async (action: string, payload: JsonObject = {}): Promise<JsonObject> => {
    const call: InboundCall = { action, messageId: 'm1', payload, findings: [], after: (fn) => void afters.push(fn) };
    return responders.dispatch(call);
  };
  const runAfters = async (): Promise<void> => {
    for (const fn of afters.splice(0)) await fn();
  };
  return { ask, sent, runAfters };
}

/** Requests whose schema needs at least one item (an empty one never reaches a handler). */
const ref = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };
const minimalRequests: Record<string, JsonObject> = {
  GetVariables: { getVariableData: [ref] },
  SetVariables: { setVariableData: [{ ...ref, attributeValue: '60' }] },
  SetVariableMonitoring: { setMonitoringData: [{ value: 1, type: 'Delta', severity: 5, ...ref }] },
  ClearVariableMonitoring: { id: [1] },
};

describe('engine/roles/station-defaults: the harness-as-station answers every CSMS CALL', () => {
  for (const version of ['1.6', '2.0.1'] as const) {
    it(`OCPP ${version}: every action a CSMS may send gets a schema-valid reply, none NotSupported`, async () => {
      const { ask } = setup(version);
      const schemas = builtinSchemaSet(version);
      const problems: string[] = [];
      for (const action of actionsOf(version).filter((a) => maySend(version, 'csms', a))) {
        try {
          const reply = await ask(action, minimalRequests[action] ?? {});
          const violations = validatePayload(schemas, action, 'response', reply);
          if (violations && violations.length > 0) problems.push(`${action}: ${JSON.stringify(violations[0])}`);
        } catch (err) {
          problems.push(`${action}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('2.0.1 GetVariables reads the device model, SetVariables writes it (read-only refused, unknown named)', async () => {
    const { ask } = setup('2.0.1');
    const ref = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };
    const set = await ask('SetVariables', { setVariableData: [{ ...ref, attributeValue: '77' }, { component: { name: 'SecurityCtrlr' }, variable: { name: 'Identity' }, attributeValue: 'x' }, { component: { name: 'Nope' }, variable: { name: 'X' }, attributeValue: '1' }] });
    expect((set['setVariableResult'] as JsonObject[]).map((r) => r['attributeStatus'])).to.deep.equal(['Accepted', 'Rejected', 'UnknownComponent']);
    const get = await ask('GetVariables', { getVariableData: [ref] });
    expect((get['getVariableResult'] as JsonObject[])[0]).to.include({ attributeStatus: 'Accepted', attributeValue: '77' });
    expect(await ask('GetChargingProfiles', { requestId: 1, chargingProfile: {} })).to.deep.equal({ status: 'NoProfiles' });
  });

  it('TriggerMessage is Accepted and the triggered message is sent after the reply; 1.6 keys remember ChangeConfiguration', async () => {
    const { ask, sent, runAfters } = setup('1.6');
    expect(await ask('TriggerMessage', { requestedMessage: 'Heartbeat' })).to.deep.equal({ status: 'Accepted' });
    expect(sent).to.deep.equal([]);
    await runAfters();
    expect(sent.map(([a]) => a)).to.deep.equal(['Heartbeat']);
    expect(await ask('ChangeConfiguration', { key: 'HeartbeatInterval', value: '33' })).to.deep.equal({ status: 'Accepted' });
    const conf = await ask('GetConfiguration', { key: ['HeartbeatInterval', 'Nope'] });
    expect(conf).to.deep.equal({ configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '33' }], unknownKey: ['Nope'] });
  });

  it('config extra.stationReplies overrides a default reply for the run', async () => {
    const { ask } = setup('2.0.1', { stationReplies: { GetChargingProfiles: { status: 'Accepted' } } });
    expect(await ask('GetChargingProfiles', { requestId: 1, chargingProfile: {} })).to.deep.equal({ status: 'Accepted' });
  });
});
