/**
 * Issue #16: the robustness catalogue is a catalogue of its own (--catalogue), its cases run
 * whatever certification profiles a PICS claims, and they are counted apart in the summary. A raw
 * frame's answer is journalled, not reported as a response to an unknown CALL.
 */
import { expect } from 'chai';
import { catalogueOf, loadCatalogueOf, parseCatalogueKind } from '../../src/catalogue/catalogues.js';
import { applicabilityOf } from '../../src/engine/runner.js';
import { summarise, type CaseResult } from '../../src/engine/run-model.js';
import { OcppEndpoint, type SessionEvent } from '../../src/session/endpoint.js';
import { memoryPair } from '../helpers/memory-connection.js';

describe('catalogue: official, robustness, all', () => {
  it('keeps the robustness cases out of the official catalogue and joins them for all', async () => {
    const official = (await loadCatalogueOf('official', undefined, { version: '2.0.1', sut: 'csms' })).cases;
    const robustness = await loadCatalogueOf('robustness', undefined, { version: '2.0.1', sut: 'csms' });
    const all = (await loadCatalogueOf('all', undefined, { version: '2.0.1', sut: 'csms' })).cases;
    expect(official.every((tc) => tc.id.startsWith('TC_') && catalogueOf(tc) === 'official')).to.equal(true);
    expect(robustness.cases.length).to.be.greaterThan(0);
    expect(robustness.cases.every((tc) => tc.id.startsWith('RB_') && catalogueOf(tc) === 'robustness')).to.equal(true);
    expect(all.length).to.equal(official.length + robustness.cases.length);
    // The robustness cases start from the official states (Idle, Booted …).
    expect(robustness.stateModules.some((m) => 'Idle' in m.states)).to.equal(true);
    expect(() => parseCatalogueKind('unofficial')).to.throw(/official, robustness, all/);
    expect(parseCatalogueKind(undefined)).to.equal('official');
  });

  it('a robustness case applies whatever profiles the PICS claims; it is counted apart', async () => {
    const [rb] = (await loadCatalogueOf('robustness', undefined, { version: '2.0.1', sut: 'csms' })).cases;
    if (rb === undefined) throw new Error('no robustness case');
    const pics = { claimAll: false, certificationProfiles: ['Core'], items: {} };
    expect(applicabilityOf(rb, pics).applies).to.equal(true);
    const base = { title: 't', block: 'B', version: '2.0.1', sut: 'csms' as const, certification: [], applicability: { applies: true, reason: '' }, startedAt: '', durationMs: 0, steps: [], findings: [], warnings: [], trace: [] };
    const tests: CaseResult[] = [
      { ...base, id: 'TC_B_01_CSMS', verdict: 'pass' },
      { ...base, id: 'RB_IB08_1_CSMS', verdict: 'fail', robustness: { ib: 'IB-08', clause: 'x', severity: 'critical' } },
    ];
    const summary = summarise(tests);
    expect(summary.total).to.equal(2);
    expect(summary.beyondOfficial?.total).to.equal(1);
    expect(summary.beyondOfficial?.byVerdict.fail).to.equal(1);
    expect(summarise([tests[0]!]).beyondOfficial).to.equal(undefined);
  });

  it('the answer to a raw frame is a response event, not an unknown-response finding', async () => {
    const [ca, cb] = memoryPair();
    const harness = new OcppEndpoint({ connection: ca, version: '2.0.1', role: 'csms' });
    new OcppEndpoint({ connection: cb, version: '2.0.1', role: 'cs' });
    const events: SessionEvent[] = [];
    harness.onEvent((e) => events.push(e));
    harness.sendRaw('[2,"raw-1","RbNoSuchAction",{}]', { responseIds: ['raw-1'] });
    harness.sendRaw('{Malformed', { responseIds: ['-1'] });
    harness.sendRaw('[2,"raw-2","RbNoSuchAction",{}]');
    await new Promise((r) => setTimeout(r, 30));
    const errors = events.filter((e) => e.type === 'errorIn').map((e) => (e.type === 'errorIn' ? [e.messageId, e.errorCode] : []));
    expect(errors).to.deep.equal([['raw-1', 'NotImplemented'], ['-1', 'RpcFrameworkError']]);
    const unknown = harness.findings.filter((f) => f.code === 'session.unknownResponse').map((f) => f.messageId);
    expect(unknown).to.deep.equal(['raw-2']);
  });
});
