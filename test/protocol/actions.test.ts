import { expect } from 'chai';
import { actionCatalogue, actionsOf, declaredSenders, expectsResponse, isKnownAction, maySend, senderOf } from '../../src/protocol/actions.js';
import { schemaActionsOf } from '../../src/protocol/schemas.js';
import { ocppVersions } from '../../src/protocol/versions.js';

describe('protocol/actions', function () {
  for (const version of ocppVersions) {
    it(`${version}: every schema action has exactly one direction, and every direction names a schema action`, function () {
      const declared = declaredSenders(version);
      const schemaActions = schemaActionsOf(version);
      expect(schemaActions.filter((a) => !declared.has(a)), 'schema actions without a direction').to.deep.equal([]);
      expect([...declared.keys()].filter((a) => !schemaActions.includes(a)), 'directions without a schema').to.deep.equal([]);
      expect(actionsOf(version)).to.deep.equal(schemaActions);
    });
  }

  it('has the expected number of actions per version', function () {
    expect(actionsOf('1.6')).to.have.length(39); // 28 core + 11 security whitepaper
    expect(actionsOf('2.0.1')).to.have.length(64);
    expect(actionsOf('2.1')).to.have.length(91);
  });

  it('knows the 1.6 directions (edition 2 chapters 4 and 5, security whitepaper chapter 5)', function () {
    expect(senderOf('1.6', 'BootNotification')).to.equal('cs');
    expect(senderOf('1.6', 'StartTransaction')).to.equal('cs');
    expect(senderOf('1.6', 'RemoteStartTransaction')).to.equal('csms');
    expect(senderOf('1.6', 'ChangeConfiguration')).to.equal('csms');
    expect(senderOf('1.6', 'DataTransfer')).to.equal('both');
    expect(senderOf('1.6', 'SecurityEventNotification')).to.equal('cs');
    expect(senderOf('1.6', 'SignedUpdateFirmware')).to.equal('csms');
    expect(senderOf('1.6', 'TransactionEvent')).to.equal(undefined);
  });

  it('knows the 2.0.1 and 2.1 directions', function () {
    expect(senderOf('2.0.1', 'TransactionEvent')).to.equal('cs');
    expect(senderOf('2.0.1', 'NotifyReport')).to.equal('cs');
    expect(senderOf('2.0.1', 'RequestStartTransaction')).to.equal('csms');
    expect(senderOf('2.0.1', 'SetVariables')).to.equal('csms');
    expect(senderOf('2.0.1', 'DataTransfer')).to.equal('both');
    expect(senderOf('2.0.1', 'StartTransaction')).to.equal(undefined);
    expect(senderOf('2.1', 'NotifyPeriodicEventStream')).to.equal('cs');
    expect(senderOf('2.1', 'SetDefaultTariff')).to.equal('csms');
    expect(senderOf('2.1', 'VatNumberValidation')).to.equal('cs');
    expect(senderOf('2.1', 'DataTransfer')).to.equal('both');
  });

  it('answers maySend by role', function () {
    expect(maySend('2.0.1', 'cs', 'BootNotification')).to.be.true;
    expect(maySend('2.0.1', 'csms', 'BootNotification')).to.be.false;
    expect(maySend('2.0.1', 'csms', 'Reset')).to.be.true;
    expect(maySend('2.0.1', 'cs', 'Reset')).to.be.false;
    expect(maySend('1.6', 'cs', 'DataTransfer')).to.be.true;
    expect(maySend('1.6', 'csms', 'DataTransfer')).to.be.true;
    expect(maySend('1.6', 'cs', 'NoSuchAction')).to.be.false;
  });

  it('knows which actions exist and which get a response', function () {
    expect(isKnownAction('1.6', 'Authorize')).to.be.true;
    expect(isKnownAction('1.6', 'authorize')).to.be.false; // action names are case-sensitive (2.0.1 Part 4 §4.2.1)
    expect(expectsResponse('2.1', 'NotifyPeriodicEventStream')).to.be.false;
    expect(expectsResponse('2.1', 'Heartbeat')).to.be.true;
    expect(actionCatalogue('2.1').filter((a) => !a.hasResponse).map((a) => a.action)).to.deep.equal(['NotifyPeriodicEventStream']);
  });
});
