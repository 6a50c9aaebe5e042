/**
 * What the running-cost cases (Part 6 TC_I_01/07_CS, Part 2 I02) share: the <Configured Cost>
 * (a personal message text, extra.costMessage) and <Configured Cost2> (a totalCost, extra.cost2),
 * and steps 1-5: EVConnectedPreSession, the valid idToken presented, the AuthorizeRequest (step 1)
 * answered with the cost as personalMessage, the TransactionEvent with triggerReason Authorized
 * (step 3), then EnergyTransferStarted; every later TransactionEventResponse carries the cost as
 * updatedPersonalMessage (step 7).
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { idTokenOf, ready } from '../_shared/case-support.js';
import { prepareVariables } from '../_shared/expect.js';
import { journalEnd, obj, str } from '../_shared/journal.js';

export function configuredCosts(ctx: TestContext): { message: string; cost2: number } {
  const m = ctx.config.extra['costMessage'];
  const c = ctx.config.extra['cost2'];
  return { message: typeof m === 'string' && m !== '' ? m : 'Running cost: 1.00 EUR', cost2: typeof c === 'number' && Number.isFinite(c) ? c : 2.5 };
}

const framesOf = (c: { frameSeq?: number }): number[] => (c.frameSeq === undefined ? [] : [c.frameSeq]);

/** Steps 1-5; returns the transactionId of the running transaction. */
export async function chargingWithCost(ctx: TestContext): Promise<string> {
  await ready(ctx);
  const token = idTokenOf(ctx, 'valid');
  const { message } = configuredCosts(ctx);
  const personal = { format: 'UTF8', content: message };
  // Step 1 is an AuthorizeRequest: a station that pre-authorizes locally would not ask (Part 2 C12).
  await ctx.step('Before: AuthCtrlr.LocalPreAuthorize false (if implemented), so the station asks', () => prepareVariables(ctx, [{ component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'false', ifImplemented: true }]));
  ctx.respond('Authorize', () => ({ idTokenInfo: { status: 'Accepted', personalMessage: personal } }));
  ctx.respond('TransactionEvent', (call) => ({ ...(call.payload['idToken'] === undefined ? {} : { idTokenInfo: { status: 'Accepted' } }), updatedPersonalMessage: personal }));
  await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
  const from = journalEnd(ctx);
  const startedBefore = new Set(ctx.journal().slice(0, from).flatMap((e) => (e.kind === 'callIn' && e.action === 'TransactionEvent' && e.payload['eventType'] === 'Started' ? [str(obj(e.payload['transactionInfo'])?.['transactionId'])] : [])));
  await ctx.step('Manual action: present the valid idToken (Authorized)', () => ctx.state('Authorized', { idToken: token }));
  await ctx.step('Steps 1-2: AuthorizeRequest for the valid idToken', async () => {
    const auth = await ctx.expectCall('Authorize', { from, step: 1 });
    const t = obj(auth.payload['idToken']);
    ctx.check('AuthorizeRequest idToken.idToken', t?.['idToken'] === token.idToken, { expected: token.idToken, actual: t?.['idToken'] ?? 'absent', frames: framesOf(auth), step: 1 });
    ctx.check('AuthorizeRequest idToken.type', t?.['type'] === token.type, { expected: token.type, actual: t?.['type'] ?? 'absent', frames: framesOf(auth), step: 1 });
  });
  const te = await ctx.step('Steps 3-4: TransactionEvent with triggerReason Authorized', async () => {
    const e = await ctx.expectCall('TransactionEvent', { from, match: (p: JsonObject) => p['triggerReason'] === 'Authorized', describe: 'a TransactionEvent with triggerReason Authorized', anyOrder: 'Part 6 TC_I_01_CS step 3 note: the event comes when TxStartPoint contains Authorized or the transaction already started, after any event of the plug-in', step: 3 });
    const t = obj(e.payload['idToken']);
    const frames = framesOf(e);
    ctx.check('TransactionEvent idToken.idToken', t?.['idToken'] === token.idToken, { expected: token.idToken, actual: t?.['idToken'] ?? 'absent', frames, step: 3 });
    ctx.check('TransactionEvent idToken.type', t?.['type'] === token.type, { expected: token.type, actual: t?.['type'] ?? 'absent', frames, step: 3 });
    const txId = str(obj(e.payload['transactionInfo'])?.['transactionId']);
    const wanted = txId !== undefined && startedBefore.has(txId) ? 'Updated' : 'Started';
    ctx.check('TransactionEvent eventType', e.payload['eventType'] === wanted, { expected: `${wanted} (the transaction ${wanted === 'Updated' ? 'had' : 'had not'} started before)`, actual: e.payload['eventType'] ?? 'absent', frames, step: 3 });
    return e;
  });
  await ctx.step('Step 5: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  const txId = str(obj(te.payload['transactionInfo'])?.['transactionId']);
  if (txId === undefined) ctx.fail('the TransactionEvent of step 3 names no transactionId');
  return txId;
}
