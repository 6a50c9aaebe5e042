/**
 * The DUT-mutation score's pieces (issue #10): the mutant generator makes each kind of mutant
 * from recorded frames and applies field mutants exactly; the proxy relays frames both ways and
 * applies one mutation to the DUT's frames only.
 */
import { expect } from 'chai';
import { WebSocket, WebSocketServer } from 'ws';
import { equivalentDrop } from '../../scripts/dut-equivalents.js';
import { describeMutation, mutantsOf, mutateText, sample, sigCounter, type Mutation } from '../../scripts/dut-mutants.js';
import { startMutatingProxy } from '../../scripts/dut-mutation-proxy.js';
import { stepsInTitle, validatedFrames } from '../../scripts/dut-trace-filter.js';
import type { CaseResult } from '../../src/engine/run-model.js';

const frames = [
  { index: 0, text: JSON.stringify([2, 'a', 'StatusNotification', { timestamp: 't', connectorStatus: 'Available', evseId: 1, connectorId: 1 }]) },
  { index: 1, text: JSON.stringify([2, 'b', 'StatusNotification', { timestamp: 't', connectorStatus: 'Occupied', evseId: 1, connectorId: 1 }]) },
];

describe('scripts/dut-mutants and the mutating proxy', () => {
  it('makes every kind of mutant, never on a timestamp, with enum values the DUT itself uses', () => {
    const ms = mutantsOf(frames);
    const kinds = new Set(ms.map((m) => m.kind));
    expect([...kinds].sort()).to.deep.equal(['drop-field', 'drop-message', 'enum', 'id', 'swap-messages']);
    expect(ms.some((m) => 'path' in m && m.path.includes('timestamp'))).to.equal(false);
    const e = ms.find((m) => m.kind === 'enum' && m.frame === 0) as Extract<Mutation, { kind: 'enum' }>;
    expect(e.to).to.equal('Occupied');
    expect(JSON.parse(mutateText(frames[0]!.text, e))[3].connectorStatus).to.equal('Occupied');
    const n = mutantsOf([{ index: 0, text: JSON.stringify([3, 'x', { interval: 10 }]) }]).find((m) => m.kind === 'number');
    expect(JSON.parse(mutateText(JSON.stringify([3, 'x', { interval: 10 }]), n!))[2].interval).to.equal(11);
    expect(sample([1, 2, 3, 4, 5], 3, 1)).to.deep.equal(sample([1, 2, 3, 4, 5], 3, 1));
  });

  it('makes no drop-field mutant of a value the specification assumes when the field is omitted', () => {
    const report = (mutability: string): string =>
      JSON.stringify([2, 'r', 'NotifyReport', { requestId: 1, seqNo: 0, reportData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, variableAttribute: [{ mutability, value: '60' }] }] }]);
    const drops = (text: string): string[] =>
      mutantsOf([{ index: 0, text }], { equivalentDrop: (f, p, v) => equivalentDrop('2.0.1', f, p, v) }).flatMap((m) => (m.kind === 'drop-field' ? [m.path.join('.')] : []));
    const path = 'reportData.0.variableAttribute.0.mutability';
    // Part 2 MutabilityEnumType: "Default is ReadWrite when omitted" — dropping ReadWrite is no change, dropping ReadOnly is.
    expect(drops(report('ReadWrite'))).to.not.include(path);
    expect(drops(report('ReadOnly'))).to.include(path);
    expect(drops(report('ReadWrite'))).to.include('reportData.0.variableAttribute.0.value');
    // 1.6 §4.10: an omitted StopTransaction reason is Local.
    const stop = (reason: string): unknown => [2, 's', 'StopTransaction', { transactionId: 1, meterStop: 5, timestamp: 't', reason }];
    expect(equivalentDrop('1.6', stop('Local'), ['reason'], 'Local')).to.equal(true);
    expect(equivalentDrop('1.6', stop('EVDisconnected'), ['reason'], 'EVDisconnected')).to.equal(false);
    // A CALLRESULT does not name its action: equivalent only through the CALL it answers.
    const result = [3, 'x', { getVariableResult: [{ attributeStatus: 'Accepted', attributeType: 'Actual', component: { name: 'C' }, variable: { name: 'V' } }] }];
    expect(equivalentDrop('2.0.1', result, ['getVariableResult', 0, 'attributeType'], 'Actual')).to.equal(false);
    expect(equivalentDrop('2.0.1', result, ['getVariableResult', 0, 'attributeType'], 'Actual', (id) => (id === 'x' ? 'GetVariables' : undefined))).to.equal(true);
    expect(equivalentDrop('2.0.1', result, ['getVariableResult', 0, 'attributeType'], 'Target', () => 'GetVariables')).to.equal(false);
  });

  it('mutates only frames judged in steps that trace a validated step', () => {
    expect(stepsInTitle('Steps 9-10: NotifyReport messages until tbc is false')).to.deep.equal([9, 10]);
    expect(stepsInTitle('1-2. RemoteStartTransaction → Accepted')).to.deep.equal([1, 2]);
    expect(stepsInTitle('The EV is plugged in (steps 3-4)')).to.deep.equal([3, 4]);
    expect(stepsInTitle('Before: EVConnectedPreSession')).to.deep.equal([]);
    const check = (frames: number[], step?: number): object => ({ description: 'c', expected: '', actual: '', ok: true, severity: 'error', frames, ...(step === undefined ? {} : { step }) });
    const result = {
      steps: [
        { title: 'Before: EVConnectedPreSession › Reusable state EVConnectedPreSession', checks: [check([1]), check([7], 4)] },
        { title: 'Steps 7-8: GetBaseReport FullInventory is Accepted', checks: [check([2])] },
        { title: 'Steps 9-10: NotifyReport messages until tbc is false', checks: [check([3]), check([4], 8)] },
        { title: 'Post scenario: every connector reported', checks: [check([5])] },
        { title: 'Wait for the DUT to connect', checks: [check([6])] },
      ],
    } as unknown as CaseResult;
    // TC_B_02_CS validates steps 4, 6, 8, … and post: not 9-10, not the preparations (a reusable
    // state's check numbered 4 is the state's step 4, not the case's).
    expect([...validatedFrames(result, [4, 6, 8, 'post'])].sort()).to.deep.equal([2, 4, 5, 6]);
    // Only post-scenario validations: the whole scenario counts, preparations too.
    expect([...validatedFrames(result, ['post'])].sort()).to.deep.equal([1, 5, 6, 7]);
  });

  it('names a frame as the n-th of its kind, so timing that moves a Heartbeat does not move the mutant', async () => {
    const count = sigCounter();
    const sigs = [[2, 'h', 'Heartbeat', {}], [2, 'm', 'MeterValues', {}], [3, 'x', {}], [2, 'n', 'MeterValues', {}], 'junk'].map((f) => count(JSON.stringify(f)));
    expect(sigs).to.deep.equal([{ sig: 'call:Heartbeat', nth: 1 }, { sig: 'call:MeterValues', nth: 1 }, { sig: 'result', nth: 1 }, { sig: 'call:MeterValues', nth: 2 }, { sig: 'other', nth: 1 }]);
    expect(describeMutation({ kind: 'drop-message', frame: 3, at: { sig: 'call:MeterValues', nth: 2 } })).to.equal('DUT frame 3 (MeterValues #2) dropped');

    const upstream = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => upstream.once('listening', () => r()));
    const port = (upstream.address() as { port: number }).port;
    const got: string[] = [];
    upstream.on('connection', (ws) => ws.on('message', (d) => got.push((d as Buffer).toString('utf8'))));
    // Recorded as frame 0 (MeterValues #1); in this run a Heartbeat comes first.
    const drop: Mutation = { kind: 'drop-message', frame: 0, at: { sig: 'call:MeterValues', nth: 1 } };
    const proxy = await startMutatingProxy({ upstream: `ws://127.0.0.1:${port}`, dut: 'client', mutation: drop });
    const client = new WebSocket(`${proxy.url}/ocpp/CP1`, ['ocpp2.0.1']);
    try {
      await new Promise<void>((r) => client.once('open', () => r()));
      const hb = JSON.stringify([2, 'h', 'Heartbeat', {}]);
      const mv = JSON.stringify([2, 'm', 'MeterValues', { evseId: 1 }]);
      const mv2 = JSON.stringify([2, 'n', 'MeterValues', { evseId: 2 }]);
      for (const t of [hb, mv, mv2]) client.send(t);
      for (let i = 0; i < 100 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(got).to.deep.equal([hb, mv2]);
      expect(proxy.applied()).to.equal(true);
    } finally {
      client.terminate();
      await proxy.close();
      await new Promise<void>((r) => upstream.close(() => r()));
    }
  });

  it('the proxy relays both ways and mutates only the DUT (client) side', async () => {
    const upstream = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => upstream.once('listening', () => r()));
    const port = (upstream.address() as { port: number }).port;
    const got: string[] = [];
    upstream.on('connection', (ws) => ws.on('message', (d) => {
      got.push((d as Buffer).toString("utf8"));
      ws.send('reply');
    }));
    const drop: Mutation = { kind: 'drop-message', frame: 0 };
    const proxy = await startMutatingProxy({ upstream: `ws://127.0.0.1:${port}`, dut: 'client', mutation: drop });
    const client = new WebSocket(`${proxy.url}/ocpp/CP1`, ['ocpp2.0.1']);
    try {
      await new Promise<void>((r) => client.once('open', () => r()));
      const replies: string[] = [];
      client.on('message', (d) => replies.push((d as Buffer).toString("utf8")));
      client.send('first');
      client.send('second');
      for (let i = 0; i < 100 && replies.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
      expect(got).to.deep.equal(['second']);
      expect(replies).to.deep.equal(['reply']);
      expect(proxy.applied()).to.equal(true);
    } finally {
      client.terminate();
      await proxy.close();
      await new Promise<void>((r) => upstream.close(() => r()));
    }
  });
});
