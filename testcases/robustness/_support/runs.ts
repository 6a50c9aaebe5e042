/**
 * Robustness tests that are the same in more than one version or role: one body here, and each
 * RB_ file keeps its own id, metadata and clause and runs it (the version of the context decides
 * the framing). Extracted so a fix to the test lands once.
 */
import { aliveProbe, callFrame, codes, exchange, expectCallError, expectCallResult, expectConnectionKept, expectStillServing, rawId } from './raw.js';
import { describeAnswer, framesOf } from '../../../src/engine/authoring.js';
import type { TestContext } from '../../../src/engine/authoring.js';

/** After an idle period a CSMS-initiated CALL is still answered — the body of RB_IB05_2_CS, RB_IB05_1_CS (the same test in each version / role). */
export async function ib05Run(ctx: TestContext): Promise<void> {
  await ctx.peer();
  await ctx.step('Stay idle for 3 s (the station only heartbeats)', () => ctx.sleep(3000));
  await expectStillServing(ctx);
}

/** After the CSMS closes with 1000 the station connects again — the body of RB_IB07_2_CS, RB_IB07_1_CS (the same test in each version / role). */
export async function ib07Run(ctx: TestContext): Promise<void> {
  await ctx.peer();
  const from = (ctx.journal().at(-1)?.index ?? -1) + 1;
  await ctx.step('Close the connection with 1000', () => ctx.closeConnection({ reason: 'robustness: clean close' }));
  const reconnected = await ctx.step('The station reconnects', async () => {
    const deadline = ctx.clock.monoMs() + ctx.config.connectTimeoutMs;
    const seen = (): boolean => ctx.journal().some((e) => e.index >= from && e.kind === 'connected');
    while (!seen() && ctx.clock.monoMs() < deadline) await ctx.sleep(100);
    const ok = seen();
    ctx.check('A new connection from the station', ok, { expected: `a reconnection within ${ctx.config.connectTimeoutMs} ms`, actual: ok ? 'reconnected' : 'none' });
    return ok;
  });
  if (reconnected) await expectStillServing(ctx);
}

/** A frame that is not JSON: a CALLERROR or a close, and the DUT keeps serving — the body of RB_IB08_2_CS, RB_IB08_2_CSMS, RB_IB08_1_CS, RB_IB08_1_CSMS (the same test in each version / role). */
export async function ib08Run(ctx: TestContext): Promise<void> {
  const answer = await exchange(ctx, 'Send a frame that is not JSON', "{Malformed");
  const allowed = codes(ctx, 'framework', 'format', 'protocol');
  const ok = answer.kind === 'closed' || answer.kind === 'none' || (answer.kind === 'error' && typeof answer.errorCode === 'string' && allowed.includes(answer.errorCode));
  ctx.check('A CALLERROR with a framework code, a close, or nothing', ok, { expected: `CALLERROR ${allowed.join(' | ')}, or a close`, actual: describeAnswer(answer), frames: framesOf(answer) });
  await expectStillServing(ctx);
}

/** A CALL whose message id is a number is rejected, not answered under the number — the body of RB_IB12_2_CS, RB_IB12_1_CSMS (the same test in each version / role). */
export async function ib12Run(ctx: TestContext): Promise<void> {
  const answer = await exchange(ctx, 'Send Heartbeat-like CALL with the numeric message id 4711', callFrame(4711, ctx.sut === 'csms' ? 'Heartbeat' : aliveProbe(ctx).action, ctx.sut === 'csms' ? {} : aliveProbe(ctx).payload));
  expectCallError(ctx, answer, codes(ctx, 'framework', 'format', 'protocol', 'type'), '-1', 'a message id that cannot be read is answered under "-1"');
  await expectStillServing(ctx);
}

/** Only ws-chat offered: the CSMS must not serve the connection — the body of RB_IB01_2_CSMS, RB_IB01_1_CSMS (the same test in each version / role). */
export async function ib01Run(ctx: TestContext): Promise<void> {
  await ctx.step('Offer only ws-chat', async () => {
    const outcome = await ctx.reconnect({ subprotocols: ['ws-chat'] });
    const served = outcome.connected && outcome.subprotocol !== null;
    ctx.check('No OCPP session on a subprotocol the CSMS does not speak', !served, {
      expected: 'the upgrade refused, or completed without Sec-WebSocket-Protocol and closed',
      actual: outcome.connected ? `connected with subprotocol ${outcome.subprotocol ?? 'none'}` : `not connected: ${outcome.reason}`,
    });
  });
  await expectStillServing(ctx);
}

/** Three large messages in a row on one connection are all decoded and answered — the body of RB_IB04_2_CSMS, RB_IB04_1_CSMS (the same test in each version / role). */
export async function ib04Run(ctx: TestContext): Promise<void> {
  for (const n of [1, 2, 3]) {
    const id = rawId(ctx, `big${n}`);
    const answer = await exchange(ctx, `Send DataTransfer ${n} of 3 with 2 KB of data`, callFrame(id, 'DataTransfer', { vendorId: 'org.ocpp-conform.robustness', data: `${n}:${'abcdefghij'.repeat(200)}` }));
    expectCallResult(ctx, answer, id, `message ${n} of 3 on the same connection`);
  }
}

/** A second connection of the same identity is served — the body of RB_IB06_2_CSMS, RB_IB06_1_CSMS (the same test in each version / role). */
export async function ib06Run(ctx: TestContext): Promise<void> {
  const outcome = await ctx.step('Open a second connection with the same identity and send Heartbeat', () =>
    ctx.raw.dial({ identity: ctx.config.stationId, subprotocols: [ctx.version === '1.6' ? 'ocpp1.6' : 'ocpp2.0.1'], send: callFrame(rawId(ctx, 'dup'), 'Heartbeat', {}) }),
  );
  const answered = outcome.connected && Array.isArray(outcome.answer?.parsed) && outcome.answer.parsed[0] === 3;
  ctx.check('The CSMS answers on the new connection', answered, {
    expected: 'a Heartbeat CALLRESULT on the new connection',
    actual: outcome.connected ? (outcome.answer ? outcome.answer.text : `no answer${outcome.closeCode === undefined ? '' : `; closed with ${outcome.closeCode}`}`) : `refused: ${outcome.reason}`,
  });
  await expectStillServing(ctx);
}

/** An unknown action is answered NotImplemented — the body of RB_IB10_2_CSMS, RB_IB10_1_CS, RB_IB10_1_CSMS (the same test in each version / role). */
export async function ib10Run(ctx: TestContext): Promise<void> {
  const id = rawId(ctx, 'unknown');
  const answer = await exchange(ctx, 'Send the unknown action RbNoSuchAction', callFrame(id, 'RbNoSuchAction', {}));
  expectCallError(ctx, answer, codes(ctx, 'notImplemented'), id, 'an action the DUT does not know');
  await expectStillServing(ctx);
}

/** A CALLERROR has five elements and errorDetails is an object — the body of RB_IB11_2_CSMS, RB_IB11_1_CS, RB_IB11_1_CSMS (the same test in each version / role). */
export async function ib11Run(ctx: TestContext): Promise<void> {
  const id = rawId(ctx, 'shape');
  const answer = await exchange(ctx, 'Provoke a CALLERROR with an unknown action', callFrame(id, 'RbNoSuchAction', {}));
  const shaped = answer.kind === 'error' && answer.elements === 5 && typeof answer.errorCode === 'string' && typeof answer.errorDescription === 'string' && answer.errorDescription.length <= 255 && answer.errorDetails !== null && typeof answer.errorDetails === 'object' && !Array.isArray(answer.errorDetails);
  ctx.check('CALLERROR shape', shaped, { expected: '[4, id, string, string (≤ 255), {…}]', actual: describeAnswer(answer), frames: framesOf(answer) });
}

/** A CALLRESULT matching no CALL is ignored and the connection kept — the body of RB_IB12_3_CSMS, RB_IB12_1_CS, RB_IB12_2_CSMS (the same test in each version / role). */
export async function ib12bRun(ctx: TestContext): Promise<void> {
  const connectionId = (await ctx.peer()).connection.id;
  await ctx.step('Send a CALLRESULT for a CALL the DUT never sent', async () => {
    await ctx.sendRaw(JSON.stringify([3, rawId(ctx, 'stray'), {}]));
  });
  await ctx.step('The DUT keeps the connection', () => expectConnectionKept(ctx, { connectionId }, 1000, 'a stray response'));
  await expectStillServing(ctx);
}

/** A message type OCPP 2.0.1 does not define (SEND, 6) is answered MessageTypeNotSupported — the body of RB_IB14_1_CS, RB_IB14_1_CSMS (the same test in each version / role). */
export async function ib14Run(ctx: TestContext): Promise<void> {
  const id = rawId(ctx, 'send');
  const answer = await exchange(ctx, 'Send a 2.1 SEND frame on the 2.0.1 link', JSON.stringify([6, id, 'Heartbeat', {}]));
  expectCallError(ctx, answer, codes(ctx, 'messageType'), id, 'message type 6 is not defined in OCPP 2.0.1');
  await expectStillServing(ctx);
}

/** customData with a vendorId is tolerated — the body of RB_IB20_1_CS, RB_IB20_1_CSMS (the same test in each version / role). */
export async function ib20Run(ctx: TestContext): Promise<void> {
  const id = rawId(ctx, 'custom');
  const probe = aliveProbe(ctx);
  const answer = await exchange(ctx, `Send ${probe.action} with customData`, callFrame(id, probe.action, { ...probe.payload, customData: { vendorId: 'org.ocpp-conform.robustness' } }));
  expectCallResult(ctx, answer, id, 'customData is part of every 2.0.1 payload');
}
