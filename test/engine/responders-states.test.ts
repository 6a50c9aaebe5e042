/** How the harness answers the DUT (defaults, per-case overrides) and the registry of reusable states. */
import { expect } from 'chai';
import { instructionFor } from '../../src/engine/dut-adapter.js';
import { Responders } from '../../src/engine/responders.js';
import { defineStates, registerStateModule, StateRegistry } from '../../src/engine/states.js';
import type { InboundCall } from '../../src/session/endpoint.js';
import { NotImplementedError, NotSupportedError } from '../../src/session/rpc-error.js';
import { OcppEndpoint } from '../../src/session/endpoint.js';
import { scriptedConnection, settle } from '../helpers/scripted-connection.js';

const inbound = (action: string): InboundCall => ({ action, messageId: 'm', payload: {}, findings: [], after: () => undefined });

describe('engine/responders', () => {
  it('an override wins over the default until overrides are cleared', async () => {
    const r = new Responders().setDefault('Heartbeat', () => ({ from: 'default' }));
    expect(await r.dispatch(inbound('Heartbeat'))).to.deep.equal({ from: 'default' });
    r.override('Heartbeat', () => ({ from: 'case' }));
    expect(await r.dispatch(inbound('Heartbeat'))).to.deep.equal({ from: 'case' });
    r.clearOverrides();
    expect(await r.dispatch(inbound('Heartbeat'))).to.deep.equal({ from: 'default' });
  });

  it('without a handler: NotSupported for a known action, NotImplemented for an unknown one', () => {
    const r = new Responders((a) => a === 'Reset');
    expect(() => r.dispatch(inbound('Reset'))).to.throw(NotSupportedError, 'Reset is not supported by the harness here');
    expect(() => r.dispatch(inbound('Fly'))).to.throw(NotImplementedError, 'Fly is not implemented');
    expect(() => new Responders().dispatch(inbound('Fly'))).to.throw(NotSupportedError);
  });

  it('installs itself as the endpoint default handler', async () => {
    const conn = scriptedConnection();
    const ep = new OcppEndpoint({ connection: conn, version: '2.0.1', role: 'csms' });
    new Responders().setDefault('Heartbeat', () => ({ ok: 1 })).install(ep);
    conn.deliver('[2,"h","Heartbeat",{}]');
    await settle();
    expect(conn.sentFrames()).to.deep.equal([[3, 'h', { ok: 1 }]]);
  });
});

describe('engine/states', () => {
  it('keeps states per version and side, and lists the names of one', () => {
    const booted = async () => undefined;
    const reg = new StateRegistry().register('2.0.1', 'cs', 'Booted', booted).register('2.0.1', 'csms', 'Other', booted).register('1.6', 'cs', 'Booted16', booted);
    expect(reg.get('2.0.1', 'cs', 'Booted')).to.equal(booted);
    expect(reg.get('2.0.1', 'csms', 'Booted')).to.equal(undefined);
    expect(reg.names('2.0.1', 'cs')).to.deep.equal(['Booted']);
    expect(reg.names('1.6', 'cs')).to.deep.equal(['Booted16']);
  });

  it('registers a state module, frozen', () => {
    const mod = defineStates({ version: '2.1', sut: 'csms', states: { A: async () => undefined, B: async () => undefined } });
    expect(Object.isFrozen(mod)).to.equal(true);
    const reg = new StateRegistry();
    registerStateModule(reg, mod);
    expect(reg.names('2.1', 'csms')).to.deep.equal(['A', 'B']);
  });
});

describe('engine/dut-adapter instructions', () => {
  it('fills in parameters, leaving out undefined ones', () => {
    expect(instructionFor('plugIn', {})).to.equal('Plug in the EV cable (EV side and station side)');
    expect(instructionFor('presentIdToken', { idToken: 'A1', evseId: 1, skip: undefined, o: { t: 1 } })).to.equal('Present an idToken (card) at the station (idToken=A1, evseId=1, o={"t":1})');
  });
});
