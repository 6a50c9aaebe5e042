import { expect } from 'chai';
import { defaultConfiguredValues } from '../../../src/engine/configured-values.js';
import { actionCatalogue } from '../../../src/protocol/actions.js';
import type { OcppVersion } from '../../../src/protocol/versions.js';
import { csmsResponders } from '../../../src/sim/csms/responses.js';
import { CsmsState } from '../../../src/sim/csms/state.js';
import { defaultGroupId, defaultTokens, TokenBook } from '../../../src/sim/csms/tokens.js';
import { messageCheckFor } from '../../../src/session/open.js';
import { RpcError } from '../../../src/session/rpc-error.js';

const host = (version: OcppVersion, defects: string[] = []): Parameters<typeof csmsResponders>[0] => ({
  version,
  state: new CsmsState(),
  tokens: new TokenBook(),
  has: (d) => defects.includes(d),
  bootStatusFor: () => 'Accepted',
  heartbeatIntervalS: 60,
  retryIntervalS: 10,
  acceptedVendorIds: [],
  wallMs: () => Date.UTC(2025, 0, 2, 3, 4, 5, 678),
});

describe('CSMS simulator responses', () => {
  for (const version of ['1.6', '2.0.1'] as const) {
    it(`answers every station → CSMS action of OCPP ${version} with a schema-valid response`, async () => {
      const responders = csmsResponders(host(version));
      const stationSent = actionCatalogue(version).filter((a) => a.sender !== 'csms').map((a) => a.action);
      expect(stationSent.filter((a) => responders[a] === undefined)).to.deep.equal([]);
      const check = messageCheckFor(version);
      const state = new CsmsState();
      for (const action of stationSent) {
        const response = (await responders[action]?.(state.station('CP001'), {})) ?? {};
        const result = check(action, 'response', response, 'm1');
        expect(result.findings.filter((f) => f.severity === 'error'), `${action} → ${JSON.stringify(response)}`).to.deep.equal([]);
      }
    });
  }

  it('currentTime is RFC 3339 UTC with milliseconds', () => {
    const state = new CsmsState();
    expect(csmsResponders(host('2.0.1')).Heartbeat?.(state.station('CP001'), {})).to.deep.equal({ currentTime: '2025-01-02T03:04:05.678Z' });
  });

  it('a defect answers with the CALLERROR it describes', () => {
    const state = new CsmsState();
    const respond = (): unknown => csmsResponders(host('2.0.1', ['meter-values-evse0-error'])).MeterValues?.(state.station('CP001'), { evseId: 0 });
    expect(respond).to.throw(RpcError).with.property('kind', 'propertyConstraintViolation');
  });
});

describe('CSMS simulator tokens', () => {
  it('know the harness default configured values, so the demo works out of the box', () => {
    const book = new TokenBook();
    const t = defaultConfiguredValues.idTokens;
    expect(book.find(t.valid.idToken)).to.include({ status: 'Accepted', groupId: defaultConfiguredValues.groupId, type: t.valid.type });
    expect(book.find(t.invalid.idToken)?.status).to.equal('Invalid');
    expect(book.find(t.blocked.idToken)?.status).to.equal('Blocked');
    expect(book.find(t.expired.idToken)?.status).to.equal('Expired');
    expect(book.find(t.validSameGroup?.idToken ?? '')).to.include({ status: 'Accepted', groupId: defaultConfiguredValues.groupId });
    expect(book.find(t.masterPass?.idToken ?? '')?.status).to.equal('Accepted');
    expect(defaultGroupId).to.equal(defaultConfiguredValues.groupId);
    expect(book.firstValid().idToken).to.equal(t.valid.idToken);
    expect(defaultTokens.length).to.equal(6);
  });

  it('spell an unknown token per version and bend only what a defect names', () => {
    const book = new TokenBook();
    const none = { rejectsValid: false, acceptsInvalid: false, acceptsBlocked: false, acceptsExpired: false, groupIdMissing: false };
    expect(book.decide('2.0.1', 'X', none).status).to.equal('Unknown');
    expect(book.decide('1.6', 'X', none).status).to.equal('Invalid');
    expect(book.decide('1.6', 'X', { ...none, acceptsInvalid: true }).status).to.equal('Accepted');
    expect(book.decide('1.6', '04B10C4ED00001', { ...none, acceptsExpired: true }).status).to.equal('Blocked');
  });
});
