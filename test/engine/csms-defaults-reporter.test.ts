/** The harness-as-CSMS default answers (by configured idTokens) and the reporter multiplexer that isolates reporter failures. */
import { expect } from 'chai';
import { defaultConfiguredValues } from '../../src/engine/configured-values.js';
import { ReporterMultiplexer, type Reporter } from '../../src/engine/reporter.js';
import { Responders } from '../../src/engine/responders.js';
import { installCsmsDefaults, tokenStatus } from '../../src/engine/roles/csms-defaults.js';
import type { RunInfo, RunResult, CaseResult } from '../../src/engine/run-model.js';
import type { StepRecord } from '../../src/engine/context-types.js';
import type { JsonObject } from '../../src/protocol/frames.js';

const config = { ...defaultConfiguredValues, heartbeatIntervalS: 77, groupId: 'G1' };
const t = config.idTokens;

async function answer(version: '1.6' | '2.0.1', action: string, payload: JsonObject = {}): Promise<JsonObject> {
  const r = new Responders(() => false);
  installCsmsDefaults(r, version, config);
  return r.dispatch({ action, messageId: 'm', payload, findings: [], after: () => undefined });
}

describe('engine/roles/csms-defaults', () => {
  it('maps the configured idTokens to their status', () => {
    expect(tokenStatus(config, t.valid.idToken)).to.equal('Accepted');
    expect(tokenStatus(config, t.validSameGroup!.idToken)).to.equal('Accepted');
    expect(tokenStatus(config, t.masterPass!.idToken)).to.equal('Accepted');
    expect(tokenStatus(config, t.blocked.idToken)).to.equal('Blocked');
    expect(tokenStatus(config, t.expired.idToken)).to.equal('Expired');
    expect(tokenStatus(config, t.invalid.idToken)).to.equal('Invalid');
    expect(tokenStatus(config, undefined)).to.equal('Invalid');
    expect(tokenStatus({ ...config, idTokens: { ...t, validSameGroup: undefined, masterPass: undefined } }, 'x')).to.equal('Invalid');
  });

  it('accepts the boot with the configured interval and answers heartbeats with the time', async () => {
    const boot = await answer('2.0.1', 'BootNotification');
    expect(boot).to.include({ status: 'Accepted', interval: 77 });
    expect(Date.parse(boot.currentTime as string)).to.be.closeTo(Date.now(), 5000);
    expect(Date.parse((await answer('1.6', 'Heartbeat')).currentTime as string)).to.be.closeTo(Date.now(), 5000);
    expect(await answer('2.0.1', 'DataTransfer')).to.deep.equal({ status: 'UnknownVendorId' });
    for (const a of ['StatusNotification', 'MeterValues', 'FirmwareStatusNotification']) expect(await answer('2.0.1', a), a).to.deep.equal({});
  });

  it('1.6: authorizes idTags with the group as parent, numbers transactions, and answers StopTransaction', async () => {
    expect(await answer('1.6', 'Authorize', { idTag: t.blocked.idToken })).to.deep.equal({ idTagInfo: { status: 'Blocked', parentIdTag: 'G1' } });
    expect(await answer('1.6', 'Authorize', { idTag: 5 })).to.deep.equal({ idTagInfo: { status: 'Invalid', parentIdTag: 'G1' } });
    const r = new Responders();
    installCsmsDefaults(r, '1.6', config);
    const start = (idTag: string) => r.dispatch({ action: 'StartTransaction', messageId: 'm', payload: { idTag }, findings: [], after: () => undefined });
    expect(await start(t.valid.idToken)).to.deep.equal({ transactionId: 1, idTagInfo: { status: 'Accepted', parentIdTag: 'G1' } });
    expect(await start(t.expired.idToken)).to.deep.equal({ transactionId: 2, idTagInfo: { status: 'Expired', parentIdTag: 'G1' } });
    expect(await answer('1.6', 'StopTransaction', {})).to.deep.equal({});
    expect(await answer('1.6', 'StopTransaction', { idTag: t.valid.idToken })).to.deep.equal({ idTagInfo: { status: 'Accepted', parentIdTag: 'G1' } });
    for (const a of ['DiagnosticsStatusNotification', 'SecurityEventNotification', 'SignedFirmwareStatusNotification', 'LogStatusNotification']) expect(await answer('1.6', a), a).to.deep.equal({});
    let err: unknown;
    try { await answer('1.6', 'TransactionEvent'); } catch (e) { err = e; }
    expect(err).to.have.property('kind', 'notImplemented');
  });

  it('2.0.1: authorizes idTokens, with the group token only when accepted', async () => {
    expect(await answer('2.0.1', 'Authorize', { idToken: { idToken: t.valid.idToken, type: 'ISO14443' } })).to.deep.equal({ idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: 'G1', type: 'Central' } } });
    expect(await answer('2.0.1', 'Authorize', { idToken: { idToken: t.blocked.idToken } })).to.deep.equal({ idTokenInfo: { status: 'Blocked' } });
    expect(await answer('2.0.1', 'Authorize', { idToken: 'flat' })).to.deep.equal({ idTokenInfo: { status: 'Invalid' } });
    expect(await answer('2.0.1', 'Authorize', { idToken: { idToken: 3 } })).to.deep.equal({ idTokenInfo: { status: 'Invalid' } });
    expect(await answer('2.0.1', 'TransactionEvent', {})).to.deep.equal({});
    expect(await answer('2.0.1', 'TransactionEvent', { idToken: { idToken: t.expired.idToken } })).to.deep.equal({ idTokenInfo: { status: 'Expired' } });
    for (const a of ['NotifyEVChargingNeeds', 'NotifyEVChargingSchedule']) expect(await answer('2.0.1', a), a).to.deep.equal({ status: 'Accepted' });
    for (const a of ['NotifyReport', 'NotifyEvent', 'NotifyMonitoringReport', 'SecurityEventNotification', 'LogStatusNotification', 'NotifyChargingLimit', 'ReportChargingProfiles', 'NotifyCustomerInformation', 'NotifyDisplayMessages', 'ReservationStatusUpdate', 'ClearedChargingLimit']) {
      expect(await answer('2.0.1', a), a).to.deep.equal({});
    }
  });
});

describe('engine/reporter multiplexer', () => {
  it('calls every hook of every reporter in order, and records (not throws) a reporter failure', async () => {
    const calls: string[] = [];
    const good: Reporter = {
      onRunBegin: (_r, n) => { calls.push(`begin ${n}`); },
      onCaseBegin: (i) => { calls.push(`case ${i.id}`); },
      onStepEnd: (id, s) => { calls.push(`step ${id} ${s.title}`); },
      onCaseEnd: () => { calls.push('caseEnd'); },
      onRunEnd: async () => { calls.push('end'); },
    };
    // A reporter may throw a non-Error; the failure record still says what.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    const broken: Reporter = { onRunBegin: () => { throw new Error('disk full'); }, onRunEnd: () => { throw 'plain'; } };
    const mux = new ReporterMultiplexer([broken, good, {}]);
    await mux.onRunBegin({} as RunInfo, 3);
    await mux.onCaseBegin({ id: 'TC', title: 't', index: 0, total: 1 });
    await mux.onStepEnd('TC', { title: 'S' } as StepRecord);
    await mux.onCaseEnd({} as CaseResult, {} as RunResult);
    await mux.onRunEnd({} as RunResult);
    expect(calls).to.deep.equal(['begin 3', 'case TC', 'step TC S', 'caseEnd', 'end']);
    expect(mux.failures).to.deep.equal([{ reporter: 0, hook: 'onRunBegin', error: 'disk full' }, { reporter: 0, hook: 'onRunEnd', error: 'plain' }]);
  });
});
