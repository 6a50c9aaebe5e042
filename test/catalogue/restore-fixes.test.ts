/**
 * Issue #11 restore fixes, on a hand-written journal: a failed plug-in leaves nothing for the 1.6
 * restore to undo; the 2.0.1 restore never writes back a value it never read, keeps the variable
 * instance it set, and does not echo a connectorId 0 the DUT reported.
 */
import { expect } from 'chai';
import type { DutActionRequest, DutActionResult, DutAdapter } from '../../src/engine/dut-adapter.js';
import type { JsonObject } from '../../src/protocol/frames.js';
import type { OcppEndpoint } from '../../src/session/endpoint.js';
import { ledgerOf, plugIn } from '../../testcases/ocpp1.6/cs/_shared/charge-point.js';
import { restore } from '../../testcases/ocpp2.0.1/cs/_shared/restore.js';
import { systemClock } from '../../src/clock.js';
import { journalContext } from '../helpers/journal-context.js';

class Recording implements DutAdapter {
  readonly kind = 'test';
  readonly asked: string[] = [];
  constructor(private readonly done: boolean) {}
  perform(r: DutActionRequest): Promise<DutActionResult> {
    this.asked.push(`${r.action} ${JSON.stringify(r.params)}`);
    return Promise.resolve(this.done ? { done: true } : { done: false, reason: 'cannot' });
  }
}

describe('restore fixes (issue #11)', () => {
  it('1.6: a plug-in that failed is not recorded as plugged', async () => {
    const { ctx } = journalContext({}, { adapter: new Recording(false) });
    await plugIn(ctx, 1).catch(() => undefined);
    expect([...ledgerOf(ctx).plugged]).to.deep.equal([]);
  });

  it('2.0.1: writes back only values it read, with the instance it set, and unplugs the configured connector instead of connectorId 0', async () => {
    const calls: Array<[string, JsonObject]> = [];
    const peer = { closed: false, call: (action: string, payload: JsonObject) => (calls.push([action, payload]), Promise.resolve({ status: 'result', action, messageId: 'x', payload: {}, findings: [], rttMs: 1 })) } as unknown as OcppEndpoint;
    const adapter = new Recording(true);
    // The real clock: the restore's waits must run out (50 ms each).
    const { ctx, journal, callIn } = journalContext({ messageTimeoutMs: 50, connectTimeoutMs: 50 }, { adapter, peer, clock: systemClock });
    const out = (action: string, payload: JsonObject, messageId: string): void => void journal.add({ kind: 'callOut', connectionId: 'c', monoMs: systemClock.monoMs(), action, messageId, payload } as never);
    const result = (action: string, payload: JsonObject, messageId: string): void => void journal.add({ kind: 'resultIn', connectionId: 'c', monoMs: systemClock.monoMs(), action, messageId, payload } as never);
    const hb = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };
    const attempts = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageAttempts', instance: 'TransactionEvent' } };
    // Read: HeartbeatInterval answered Accepted but with no value; MessageAttempts[TransactionEvent] = 3.
    out('GetVariables', { getVariableData: [hb, attempts] }, 'g1');
    result('GetVariables', { getVariableResult: [{ ...hb, attributeStatus: 'Accepted' }, { ...attempts, attributeStatus: 'Accepted', attributeValue: '3' }] }, 'g1');
    // Set both; the station's result leaves the instance out.
    out('SetVariables', { setVariableData: [{ ...hb, attributeValue: '10' }, { ...attempts, attributeValue: '5' }] }, 's1');
    result('SetVariables', { setVariableResult: [{ ...hb, attributeStatus: 'Accepted' }, { component: attempts.component, variable: { name: 'MessageAttempts' }, attributeStatus: 'Accepted' }] }, 's1');
    callIn('StatusNotification', { timestamp: 't', connectorStatus: 'Occupied', evseId: 1, connectorId: 0 }, systemClock.monoMs());
    await restore(ctx).catch(() => undefined);
    expect(adapter.asked).to.include('unplug {"evseId":1,"connectorId":1}');
    expect(adapter.asked.some((a) => a.includes('"connectorId":0'))).to.equal(false);
    const writes = calls.filter(([a]) => a === 'SetVariables').flatMap(([, p]) => p['setVariableData'] as JsonObject[]);
    // HeartbeatInterval: no value was read, so the configured default goes back, never "".
    expect(writes.map((w) => w['attributeValue'])).to.not.include('');
    expect(writes).to.deep.include({ attributeValue: '3', ...attempts });
  });
});
