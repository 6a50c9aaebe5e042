/** The 2.0.1 station's Local Authorization List (block D) on the wire, and what block C does with it. */
import { expect } from 'chai';
import type { JsonObject } from '../../../src/protocol/frames.js';
import { actions, booted, withStation } from './support.js';

const valid = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };
const invalid = { idToken: '04FFEEDDCCBBAA', type: 'ISO14443' };

async function call(csms: { ep(): { call(a: string, p: JsonObject): Promise<{ status: string; payload?: JsonObject }> } }, action: string, payload: JsonObject): Promise<JsonObject> {
  const out = await csms.ep().call(action, payload);
  expect(out.status).to.equal('result');
  return out.payload ?? {};
}

describe('station simulator 2.0.1: local authorization list', function () {
  this.timeout(15_000);

  it('Full, Differential add / remove, VersionMismatch, empty updates; GetLocalListVersion follows; Entries counts', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      expect(await call(csms, 'GetLocalListVersion', {})).to.deep.equal({ versionNumber: 0 });
      expect(await call(csms, 'SendLocalList', { versionNumber: 3, updateType: 'Full', localAuthorizationList: [{ idToken: valid, idTokenInfo: { status: 'Accepted' } }] })).to.deep.equal({ status: 'Accepted' });
      expect(await call(csms, 'SendLocalList', { versionNumber: 4, updateType: 'Differential', localAuthorizationList: [{ idToken: invalid, idTokenInfo: { status: 'Invalid' } }] })).to.deep.equal({ status: 'Accepted' });
      const entries = await call(csms, 'GetVariables', { getVariableData: [{ component: { name: 'LocalAuthListCtrlr' }, variable: { name: 'Entries' } }] });
      expect((entries['getVariableResult'] as JsonObject[])[0]?.['attributeValue']).to.equal('2');
      expect(await call(csms, 'SendLocalList', { versionNumber: 4, updateType: 'Differential', localAuthorizationList: [{ idToken: valid }] })).to.deep.equal({ status: 'VersionMismatch' });
      expect(await call(csms, 'SendLocalList', { versionNumber: 5, updateType: 'Differential', localAuthorizationList: [{ idToken: valid }] })).to.deep.equal({ status: 'Accepted' });
      expect(await call(csms, 'SendLocalList', { versionNumber: 6, updateType: 'Differential' })).to.deep.equal({ status: 'Accepted' });
      expect(await call(csms, 'GetLocalListVersion', {})).to.deep.equal({ versionNumber: 6 });
      expect(await call(csms, 'SendLocalList', { versionNumber: 7, updateType: 'Full' })).to.deep.equal({ status: 'Accepted' });
      expect(await call(csms, 'GetLocalListVersion', {})).to.deep.equal({ versionNumber: 7 });
    });
  });

  it('disabled: SendLocalList Failed and GetLocalListVersion 0', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      await call(csms, 'SendLocalList', { versionNumber: 2, updateType: 'Full' });
      await call(csms, 'SetVariables', { setVariableData: [{ component: { name: 'LocalAuthListCtrlr' }, variable: { name: 'Enabled' }, attributeValue: 'false' }] });
      expect(await call(csms, 'GetLocalListVersion', {})).to.deep.equal({ versionNumber: 0 });
      expect(await call(csms, 'SendLocalList', { versionNumber: 3, updateType: 'Full' })).to.deep.equal({ status: 'Failed' });
    });
  });

  it('LocalPreAuthorize: a listed Accepted idToken needs no Authorize; with DisablePostAuthorize a listed Invalid one is refused without asking', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      await call(csms, 'SetVariables', {
        setVariableData: [
          { component: { name: 'AuthCtrlr' }, variable: { name: 'LocalPreAuthorize' }, attributeValue: 'true' },
          { component: { name: 'LocalAuthListCtrlr' }, variable: { name: 'DisablePostAuthorize' }, attributeValue: 'true' },
        ],
      });
      await call(csms, 'SendLocalList', { versionNumber: 1, updateType: 'Full', localAuthorizationList: [{ idToken: valid, idTokenInfo: { status: 'Accepted' } }, { idToken: invalid, idTokenInfo: { status: 'Invalid' } }] });
      expect(await st.perform('presentIdToken', { idToken: invalid.idToken })).to.deep.include({ detail: 'Invalid' });
      expect(await st.perform('presentIdToken', { idToken: valid.idToken })).to.deep.include({ detail: 'Accepted' });
      expect(actions(csms)).to.not.include('Authorize');
    });
  });
});
