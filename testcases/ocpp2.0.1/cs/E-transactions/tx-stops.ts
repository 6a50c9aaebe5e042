/**
 * The stop scenarios several block E stop-option cases share: RequestStopTransaction for the
 * transaction the station reported (TC_E_21_CS, TC_E_35_CS), and the EV-side disconnect of
 * TC_E_17/20/37/54_CS (Part 2 E06 S2 / S5, E09, E10).
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { expectTxEvent } from '../_shared/expect.js';
import { journalEnd, obj, openTransactionId, sessionOf, targetOf } from '../_shared/journal.js';

export interface RemoteStop {
  accepted: { status: string };
  /** The first TransactionEvent of the transaction after the request. */
  first: () => Promise<ObservedCall>;
  /** Its TransactionEvents after the request up to the Ended one (or to the message timeout). */
  events: () => Promise<ObservedCall[]>;
}

/** Steps 1-2: RequestStopTransaction with the station's transactionId; no verdict yet. */
export async function remoteStopScenario(ctx: TestContext): Promise<RemoteStop> {
  const t = targetOf(ctx, {});
  const s = sessionOf(ctx, t.evseId);
  const transactionId = s.transactionId ?? openTransactionId(ctx, t.evseId);
  if (transactionId === undefined) ctx.inconclusive('no transaction to stop: the station reported no transactionId on this EVSE');
  const from = journalEnd(ctx);
  const accepted = await ctx.step('Steps 1-2: RequestStopTransaction', async () => {
    const out = await ctx.call('RequestStopTransaction', { transactionId });
    return { status: out.status === 'result' ? String(out.payload['status']) : out.status };
  });
  const ofTx = (p: Record<string, unknown>): boolean => obj(p['transactionInfo'])?.['transactionId'] === transactionId;
  s.stopAuthorized = true;
  s.authorized = false;
  s.energy = false;
  return {
    accepted,
    first: () => expectTxEvent(ctx, from, 'the first TransactionEvent of the transaction after the RequestStopTransaction', ofTx),
    events: async () => {
      const out: ObservedCall[] = [];
      let next = from;
      for (;;) {
        const te = await ctx.maybeCall('TransactionEvent', { from: next, match: ofTx, describe: 'a TransactionEvent of the stopped transaction' });
        if (!te) return out;
        out.push(te);
        next = te.index + 1;
        if (te.payload['eventType'] === 'Ended') {
          s.txEnded = true;
          return out;
        }
      }
    },
  };
}

/**
 * Manual action "Disconnect the EV and EVSE on EV side (EVSE loses connection with EV)" and step 1:
 * the TransactionEvent it causes, as the case's rule checks it. The cable stays in the station.
 */
export async function evSideDisconnect(ctx: TestContext): Promise<{ from: number; te: ObservedCall }> {
  const t = targetOf(ctx, {});
  const from = journalEnd(ctx);
  await ctx.dut('unplugEvSide', { evseId: t.evseId, connectorId: t.connectorId });
  const s = sessionOf(ctx, t.evseId);
  s.energy = false;
  const te = await expectTxEvent(ctx, from, 'the TransactionEvent after the EV-side disconnect');
  s.txEnded = te.payload['eventType'] === 'Ended';
  return { from, te };
}
