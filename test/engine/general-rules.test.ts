/**
 * The general rules over hand-written journals: what each flags, what it must leave alone
 * (retransmissions, transactions begun before the case), and how a waiver is checked.
 */
import { expect } from 'chai';
import { Journal } from '../../src/engine/journal.js';
import { checkGeneralRules, waiverProblems } from '../../src/engine/rules/index.js';
import type { JsonObject } from '../../src/protocol/frames.js';
import { manualClock } from '../helpers/scripted-connection.js';

function journal(): { j: Journal; call: (action: string, payload: JsonObject, messageId?: string) => number; answer: (messageId: string, payload: JsonObject) => void } {
  const j = new Journal(manualClock(0));
  let n = 0;
  let seq = 0;
  j.add({ kind: 'connected', connectionId: 'c1', monoMs: 0, identity: 'CP1' });
  return {
    j,
    call: (action, payload, messageId) => j.add({ kind: 'callIn', connectionId: 'c1', monoMs: 0, action, messageId: messageId ?? `id-${++n}`, payload, frameSeq: ++seq }).index,
    answer: (messageId, payload) => void j.add({ kind: 'resultOut', connectionId: 'c1', monoMs: 0, action: undefined, messageId, payload }),
  };
}

const te = (eventType: string, seqNo: number, extra: JsonObject = {}): JsonObject => ({ eventType, seqNo, timestamp: 't', triggerReason: 'Trigger', transactionInfo: { transactionId: 'T1' }, ...extra });
const rulesOf = (j: Journal, caseStart = 0, version: '2.0.1' | '1.6' = '2.0.1'): string[] => checkGeneralRules({ version, sut: 'cs', entries: j.entries(0), caseStart }).map((b) => b.rule);

describe('engine/rules (general rules of the documents)', () => {
  it('seqNo: a gap is a breach naming both frames; a retransmission (same seqNo, same payload) is not', () => {
    const a = journal();
    a.call('TransactionEvent', te('Started', 0));
    a.call('TransactionEvent', te('Updated', 1));
    a.call('TransactionEvent', te('Updated', 1));
    a.call('TransactionEvent', te('Ended', 2));
    expect(rulesOf(a.j)).to.deep.equal([]);
    const b = journal();
    b.call('TransactionEvent', te('Started', 0));
    b.call('TransactionEvent', te('Ended', 2));
    const breaches = checkGeneralRules({ version: '2.0.1', sut: 'cs', entries: b.j.entries(0), caseStart: 0 });
    expect(breaches.map((x) => [x.rule, x.frames])).to.deep.equal([['tx-seqno-sequential', [1, 2]]]);
  });

  it('Started first is judged only for a transaction whose first event lies in the case', () => {
    const { j, call } = journal();
    call('TransactionEvent', te('Updated', 0));
    expect(rulesOf(j, 0)).to.deep.equal(['tx-started-first-ended-last']);
    const start = call('TransactionEvent', te('Updated', 1));
    expect(rulesOf(j, start)).to.deep.equal([]);
  });

  it('while Rejected nothing but BootNotification; while Pending only after the CSMS asked', () => {
    const a = journal();
    a.call('BootNotification', {}, 'b1');
    a.answer('b1', { status: 'Rejected' });
    a.call('Heartbeat', {});
    expect(rulesOf(a.j)).to.deep.equal(['no-calls-while-rejected-or-pending']);
    const b = journal();
    b.call('BootNotification', {}, 'b1');
    b.answer('b1', { status: 'Pending' });
    b.j.add({ kind: 'callOut', connectionId: 'c1', monoMs: 0, action: 'GetBaseReport', messageId: 'x', payload: {} });
    b.call('NotifyReport', {});
    expect(rulesOf(b.j)).to.deep.equal([]);
  });

  it('a reused CALL message id is a breach, also across connections of the same identity', () => {
    const { j, call } = journal();
    call('Heartbeat', {}, 'same');
    j.add({ kind: 'connected', connectionId: 'c2', monoMs: 0, identity: 'CP1' });
    j.add({ kind: 'callIn', connectionId: 'c2', monoMs: 0, action: 'Heartbeat', messageId: 'same', payload: {}, frameSeq: 9 });
    expect(rulesOf(j)).to.deep.equal(['unique-call-message-ids']);
  });

  it('1.6: StopTransaction must name a transactionId a StartTransaction.conf gave', () => {
    const { j, call, answer } = journal();
    call('StartTransaction', { connectorId: 1 }, 's1');
    answer('s1', { transactionId: 7, idTagInfo: { status: 'Accepted' } });
    call('StopTransaction', { transactionId: 7 });
    expect(rulesOf(j, 0, '1.6')).to.deep.equal([]);
    call('StopTransaction', { transactionId: 8 });
    expect(rulesOf(j, 0, '1.6')).to.deep.equal(['v16-known-transaction-id']);
  });

  it('a waiver names a known rule and quotes its clause; a waived rule is not checked', () => {
    expect(waiverProblems([{ rule: 'tx-seqno-sequential', clause: 'because' }])).to.have.length(1);
    expect(waiverProblems([{ rule: 'nope', clause: 'Part 6 X: "quoted text"' }])[0]).to.match(/names no general rule/);
    expect(waiverProblems([{ rule: 'tx-seqno-sequential', clause: 'Part 6 X: "quoted text"' }])).to.deep.equal([]);
    const { j, call } = journal();
    call('TransactionEvent', te('Started', 0));
    call('TransactionEvent', te('Ended', 3));
    expect(checkGeneralRules({ version: '2.0.1', sut: 'cs', entries: j.entries(0), caseStart: 0, waive: [{ rule: 'tx-seqno-sequential', clause: 'x "y"' }] })).to.deep.equal([]);
  });
});
