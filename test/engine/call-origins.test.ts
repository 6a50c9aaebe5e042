import { expect } from 'chai';
import { CallOrigins } from '../../src/engine/call-origins.js';
import type { JournalEntry } from '../../src/engine/journal.js';
import { finding } from '../../src/protocol/findings.js';

const callOut = (index: number, messageId: string): JournalEntry => ({ index, kind: 'callOut', connectionId: 'c1', monoMs: index, action: 'RequestStopTransaction', messageId, payload: {} }) as unknown as JournalEntry;
const late = (messageId: string) => finding('semantics', 'session.lateResponse', `a response to our RequestStopTransaction (${messageId}) after we stopped waiting for it`, { messageId, direction: 'in' });

describe('CallOrigins: late replies belong to the CALL sender', () => {
  const origins = new CallOrigins();
  origins.mark(0, 'TC_A', false);
  origins.mark(10, 'TC_A', true);
  origins.mark(20, 'TC_B', false);
  const entries = [callOut(3, 'in-case'), callOut(12, 'in-cleanup'), callOut(22, 'own')];

  it('names the case or the cleanup that sent the CALL', () => {
    expect(origins.originOf(entries, 'in-case')?.origin).to.equal('TC_A');
    expect(origins.originOf(entries, 'in-cleanup')?.origin).to.equal('the cleanup after TC_A');
    expect(origins.originOf(entries, 'never-sent')).to.equal(undefined);
  });

  it('moves a late reply to an earlier CALL out of the running case; its own late reply and other findings stay', () => {
    const other = finding('schema', 'schema.required', 'x', { direction: 'in' });
    const { own, elsewhere } = origins.split(entries, 20, [late('in-cleanup'), late('own'), other]);
    expect(own.map((f) => f.messageId ?? f.code)).to.deep.equal(['own', 'schema.required']);
    expect(elsewhere.map((f) => [f.origin, f.caseId])).to.deep.equal([['the cleanup after TC_A', 'TC_A']]);
    expect(elsewhere[0]?.finding.message).to.include('the CALL was sent by the cleanup after TC_A');
  });

  it('keeps what the DUT got wrong during a cleanup, which no case would show', () => {
    const during: JournalEntry[] = [...entries, { index: 15, kind: 'finding', connectionId: 'c1', monoMs: 15, finding: finding('schema', 'schema.required', 'bad StatusNotification', { direction: 'in' }) }];
    const found = origins.duringCleanup(during, 10, 'TC_A');
    expect(found.map((f) => f.origin)).to.deep.equal(['the cleanup after TC_A']);
    expect(found[0]?.finding.message).to.include('during the cleanup after TC_A');
  });
});
