/**
 * OCPP 2.0.1 Part 6 §2.18: the cross-block reusable states for SUT = charging station (the EV
 * session from Booted to ParkingBayUnoccupied), and the §2.1 restore that runs after every `_CS`
 * case (./restore.ts). Block-specific states live beside their block (`<block>/states.ts`).
 *
 * Every state takes `params` (all optional):
 *   evseId, connectorId          default: the configured EVSE / connector
 *   idToken: { idToken, type }   default: the configured valid idToken
 *   method: 'local' | 'remote'   Authorized: present an idToken (A) or RequestStartTransaction (B);
 *                                default `config.extra.authorizationMethod`, else 'local'
 *   stopMethod: 'local' | 'remote'  StopAuthorized: same idToken again (A) or RequestStopTransaction (B);
 *                                default `config.extra.stopMethod`, else `method`, else 'local'
 *   via: 'powerCycle' | 'reset'  Booted: how to reboot (default powerCycle)
 *
 * The states remember per case and EVSE how far the session got (parked, EV connected,
 * authorized, transaction id, energy flowing, stop authorized), so "if State is NOT X then execute
 * X" chains work, and they re-read what the station reported in the case so far (connector status,
 * open transaction) so a case may mix its own manual actions with states.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { checkIdToken, checkOneOf, expectConnectorStatus, expectTxEvent, txSettings } from './expect.js';
import type { EvseSession } from './journal.js';
import { callsIn, frames, journalEnd, num, obj, openTransactionId, parkedEvses, sessionOf, sessions, stationReady, str, syncFromJournal, targetOf, txInfo } from './journal.js';
import { restore } from './restore.js';

// ---- the states ---------------------------------------------------------------------------

export async function booted(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await stationReady(ctx, { moveCursor: false });
  const from = journalEnd(ctx);
  if (params['via'] === 'reset') {
    await ctx.callExpect('Reset', { type: 'Immediate' }, { match: { status: 'Accepted' } });
  } else {
    await ctx.dut('powerCycle');
  }
  const boot = await ctx.expectCall('BootNotification', { from, withinMs: ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs });
  // Step 5: every connector reports Available (evseId / connectorId not 0); step 7: a security event.
  for (let evseId = 1; evseId <= ctx.config.numberOfEvses; evseId++) {
    await expectConnectorStatus(ctx, 'Available', { evseId, ...(evseId === ctx.config.evseId ? { connectorId: ctx.config.connectorId } : {}) }, { from: boot.index });
  }
  const security = await ctx.expectCall('SecurityEventNotification', { from: boot.index, describe: 'a SecurityEventNotification after the boot' });
  checkOneOf(ctx, security, 'SecurityEventNotification type', security.payload['type'], ['StartupOfTheDevice', 'ResetOrReboot']);
  sessions.delete(ctx);
  parkedEvses.clear();
}

export async function parkingBayOccupied(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await stationReady(ctx, { moveCursor: false });
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  const settings = await txSettings(ctx);
  // Part 6: optional; we drive in when the station starts transactions on bay occupancy, or when asked.
  const wanted = params['parkingBay'] === true || (settings.startPoints.includes('ParkingBayOccupancy') && ctx.config.extra['parkingBaySensor'] !== false);
  if (!wanted || s.parked) return;
  const from = journalEnd(ctx);
  await ctx.dut('driveIn', { evseId: t.evseId });
  s.parked = true;
  parkedEvses.add(t.evseId);
  if (!settings.startPoints.includes('ParkingBayOccupancy') && s.transactionId === undefined) return;
  const te = await expectTxEvent(ctx, from, 'a TransactionEvent after the EV entered the bay');
  ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'EVDetected', { expected: 'EVDetected', actual: te.payload['triggerReason'], frames: frames(te) });
  s.transactionId = str(txInfo(te)['transactionId']) ?? s.transactionId;
  s.txEnded = false;
}

export async function evConnectedPreSession(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await stationReady(ctx, { moveCursor: false });
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  syncFromJournal(ctx, t, s);
  if (!s.parked) await ctx.state('ParkingBayOccupied', params);
  const settings = await txSettings(ctx);
  const txBefore = s.transactionId !== undefined && !s.txEnded;
  const from = journalEnd(ctx);
  await ctx.dut('plugIn', { evseId: t.evseId, connectorId: t.connectorId });
  await expectConnectorStatus(ctx, 'Occupied', t, { from });
  s.evConnected = true;
  s.disconnected = false;
  const startsNow = settings.startPoints.includes('EVConnected') || (s.authorized && settings.startPoints.some((p) => p === 'PowerPathClosed' || p === 'EnergyTransfer'));
  if (!txBefore && !startsNow) return;
  const te = await expectTxEvent(ctx, from, 'the first TransactionEvent after the cable was plugged in');
  ctx.check('TransactionEvent eventType', te.payload['eventType'] === (txBefore ? 'Updated' : 'Started'), { expected: txBefore ? 'Updated' : 'Started', actual: te.payload['eventType'], frames: frames(te) });
  checkOneOf(ctx, te, 'TransactionEvent triggerReason', te.payload['triggerReason'], ['CablePluggedIn', 'ChargingStateChanged', 'RemoteStart']);
  checkOneOf(ctx, te, 'TransactionEvent transactionInfo.chargingState', txInfo(te)['chargingState'], s.authorized ? ['EVConnected', 'SuspendedEVSE', 'Charging'] : ['EVConnected']);
  const evse = obj(te.payload['evse']);
  ctx.check('TransactionEvent evse.id', evse?.['id'] === t.evseId, { expected: t.evseId, actual: evse?.['id'] ?? 'absent', frames: frames(te) });
  ctx.check('TransactionEvent evse.connectorId', evse?.['connectorId'] === t.connectorId, { expected: t.connectorId, actual: evse?.['connectorId'] ?? 'absent', frames: frames(te) });
  if (txBefore) ctx.check('TransactionEvent transactionId', txInfo(te)['transactionId'] === s.transactionId, { expected: s.transactionId, actual: txInfo(te)['transactionId'], frames: frames(te) });
  s.transactionId = str(txInfo(te)['transactionId']) ?? s.transactionId;
  s.txEnded = te.payload['eventType'] === 'Ended';
  noteCharging(s, te);
}

export async function authorized(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await stationReady(ctx, { moveCursor: false });
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  syncFromJournal(ctx, t, s);
  if (!s.parked && !s.evConnected) await ctx.state('ParkingBayOccupied', params);
  const settings = await txSettings(ctx);
  const txBefore = s.transactionId !== undefined && !s.txEnded;
  const startsNow = settings.startPoints.includes('Authorized') || (s.evConnected && settings.startPoints.some((p) => p === 'PowerPathClosed' || p === 'EnergyTransfer'));
  const from = journalEnd(ctx);
  if (t.method === 'local') {
    await ctx.dut('presentIdToken', { evseId: t.evseId, idToken: t.idToken.idToken, type: t.idToken.type });
    if (settings.authEnabled && !settings.localPreAuthorize && params['expectAuthorize'] !== false) {
      const auth = await ctx.expectCall('Authorize', { from, describe: 'an Authorize for the presented idToken' });
      checkIdToken(ctx, auth, t.idToken, 'Authorize');
    }
  } else {
    const remoteStartId = Math.floor(Math.random() * 1_000_000) + 1;
    const res = await ctx.callExpect(
      'RequestStartTransaction',
      { idToken: { idToken: t.idToken.idToken, type: t.idToken.type }, evseId: t.evseId, remoteStartId },
      { match: { status: 'Accepted' } },
    );
    if (txBefore) ctx.check('RequestStartTransactionResponse transactionId', res['transactionId'] === s.transactionId, { expected: s.transactionId, actual: res['transactionId'] ?? 'absent' });
    // Part 6 Table 428 Main B step 3: "unless ... the idToken is cached", as in the local branch above.
    if (settings.authorizeRemoteStart && settings.authEnabled && !settings.localPreAuthorize && params['expectAuthorize'] !== false) {
      const auth = await ctx.expectCall('Authorize', { from, describe: 'an Authorize for the remote start idToken (AuthorizeRemoteStart is true)' });
      checkIdToken(ctx, auth, t.idToken, 'Authorize');
    }
    params = { ...params, remoteStartId };
  }
  s.authorized = true;
  s.method = t.method;
  s.idToken = t.idToken;
  s.stopAuthorized = false;
  s.postSession = false;
  if (!txBefore && !startsNow) return;
  const te = await expectTxEvent(ctx, from, 'the first TransactionEvent after the authorization', (p) => p['idToken'] !== undefined);
  checkIdToken(ctx, te, t.idToken, 'TransactionEvent');
  if (t.method === 'local') {
    ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'Authorized', { expected: 'Authorized', actual: te.payload['triggerReason'], frames: frames(te) });
  } else {
    ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'RemoteStart', { expected: 'RemoteStart', actual: te.payload['triggerReason'], frames: frames(te) });
    ctx.check('TransactionEvent transactionInfo.remoteStartId', txInfo(te)['remoteStartId'] === params['remoteStartId'], { expected: params['remoteStartId'], actual: txInfo(te)['remoteStartId'] ?? 'absent', frames: frames(te) });
  }
  ctx.check('TransactionEvent eventType', te.payload['eventType'] === (txBefore ? 'Updated' : 'Started'), { expected: txBefore ? 'Updated' : 'Started', actual: te.payload['eventType'], frames: frames(te) });
  s.transactionId = str(txInfo(te)['transactionId']) ?? s.transactionId;
  s.txEnded = false;
  noteCharging(s, te);
}

/**
 * One TransactionEvent may satisfy consecutive state steps (Part 6 §2.18 allows a station to reach
 * EnergyTransferStarted directly): an event a state consumed that already says Charging is kept,
 * so EnergyTransferStarted accepts it instead of waiting for a second one that never comes.
 */
function noteCharging(s: EvseSession, te: ObservedCall): void {
  if (txInfo(te)['chargingState'] === 'Charging') s.chargingIndex = te.index;
}

export async function energyTransferStarted(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  syncFromJournal(ctx, t, s);
  if (!s.authorized) await ctx.state('Authorized', params);
  // The cursor, not "now": the Charging event may have come during the nested Authorized state,
  // or an earlier state consumed an event that already said Charging (noteCharging).
  const from = Math.min(ctx.cursor(), s.chargingIndex ?? Number.POSITIVE_INFINITY);
  if (!s.evConnected) {
    // Part 1: plug in.
    const settings = await txSettings(ctx);
    const txBefore = s.transactionId !== undefined && !s.txEnded;
    const plugFrom = journalEnd(ctx);
    await ctx.dut('plugIn', { evseId: t.evseId, connectorId: t.connectorId });
    await expectConnectorStatus(ctx, 'Occupied', t, { from: plugFrom });
    s.evConnected = true;
    s.disconnected = false;
    const startsNow = settings.startPoints.some((p) => p === 'EVConnected' || p === 'PowerPathClosed' || p === 'EnergyTransfer');
    if (txBefore || startsNow) {
      const te = await expectTxEvent(ctx, plugFrom, 'the first TransactionEvent after the cable was plugged in');
      // Part 6 §2.1: the first event after a RequestStartTransaction carries RemoteStart instead.
      const remoteFirst = s.method === 'remote' && !txBefore;
      checkOneOf(ctx, te, 'TransactionEvent triggerReason', te.payload['triggerReason'], remoteFirst ? ['CablePluggedIn', 'RemoteStart'] : ['CablePluggedIn']);
      // Already authorized: the station may go straight to Charging (or SuspendedEVSE/EV first), Part 6 §2.18.
      checkOneOf(ctx, te, 'TransactionEvent transactionInfo.chargingState', txInfo(te)['chargingState'], ['EVConnected', 'SuspendedEVSE', 'SuspendedEV', 'Charging']);
      s.transactionId = str(txInfo(te)['transactionId']) ?? s.transactionId;
      s.txEnded = false;
      noteCharging(s, te);
    }
  }
  // Part 2 (Part 6 Table 430): steps 5 (SignedDataReceived) and 7 (SuspendedEVSE) come before
  // step 9 (Charging) depending on TxStartPoint; strict order from where part 1 left off. An event
  // an earlier state consumed that already said Charging (a merged event, Part 6 §2.18) is step 9.
  const chargingNow = (p: JsonObject): boolean => obj(p['transactionInfo'])?.['chargingState'] === 'Charging';
  const part2 = (p: JsonObject): boolean => chargingNow(p) || p['triggerReason'] === 'SignedDataReceived' || obj(p['transactionInfo'])?.['chargingState'] === 'SuspendedEVSE';
  let charging =
    s.chargingIndex !== undefined
      ? await expectTxEvent(ctx, s.chargingIndex, 'the TransactionEvent that already said Charging', chargingNow)
      : await expectTxEvent(ctx, Math.max(from, ctx.cursor()), 'a TransactionEvent of part 2 (step 5 SignedDataReceived, step 7 SuspendedEVSE or step 9 Charging)', part2);
  while (!chargingNow(charging.payload)) charging = await expectTxEvent(ctx, ctx.cursor(), 'a TransactionEvent with chargingState Charging (step 9)', part2);
  // A merged event (the one that started or authorized the transaction) carries that step's trigger.
  const merged = s.chargingIndex !== undefined && charging.index === s.chargingIndex;
  const mergedTriggers = ['CablePluggedIn', 'Authorized', 'RemoteStart', 'EVDetected'];
  ctx.check('TransactionEvent triggerReason', charging.payload['triggerReason'] === 'ChargingStateChanged' || (merged && mergedTriggers.includes(String(charging.payload['triggerReason']))) || (s.method === 'remote' && charging.payload['triggerReason'] === 'RemoteStart' && charging.payload['eventType'] === 'Started'), {
    expected: merged ? `ChargingStateChanged (or ${mergedTriggers.join(' / ')} in a merged event)` : 'ChargingStateChanged',
    actual: charging.payload['triggerReason'],
    frames: frames(charging),
  });
  s.transactionId = str(txInfo(charging)['transactionId']) ?? s.transactionId;
  s.txEnded = charging.payload['eventType'] === 'Ended';
  s.energy = true;
  s.chargingIndex = undefined;
}

export async function energyTransferSuspended(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  if (!s.energy) await ctx.state('EnergyTransferStarted', params);
  await waitTransactionDuration(ctx, params);
  const from = journalEnd(ctx);
  await ctx.dut('suspendEnergyTransfer', { evseId: t.evseId });
  const te = await expectTxEvent(ctx, from, 'a TransactionEvent for the suspended energy transfer');
  const state = txInfo(te)['chargingState'];
  checkOneOf(ctx, te, 'TransactionEvent eventType', te.payload['eventType'], ['Updated', 'Ended']);
  checkOneOf(ctx, te, 'TransactionEvent transactionInfo.chargingState', state, ['EVConnected', 'SuspendedEV']);
  if (state === 'SuspendedEV') ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'ChargingStateChanged', { expected: 'ChargingStateChanged', actual: te.payload['triggerReason'], frames: frames(te) });
  if (te.payload['eventType'] === 'Ended') {
    ctx.check('TransactionEvent transactionInfo.stoppedReason', txInfo(te)['stoppedReason'] === 'StoppedByEV', { expected: 'StoppedByEV', actual: txInfo(te)['stoppedReason'] ?? 'absent', frames: frames(te) });
    s.txEnded = true;
  }
  s.energy = false;
}

export async function waitTransactionDuration(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const seconds = num(params['transactionDurationS']) ?? num(ctx.config.extra['transactionDurationS']) ?? 0;
  if (seconds > 0) await ctx.sleep(seconds * 1000);
}

export async function stopAuthorized(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  syncFromJournal(ctx, t, s);
  if (!s.energy) await ctx.state('EnergyTransferStarted', params);
  await waitTransactionDuration(ctx, params);
  const settings = await txSettings(ctx);
  const endsNow = settings.stopPoints.some((p) => p === 'Authorized' || p === 'PowerPathClosed' || p === 'EnergyTransfer') || !s.evConnected;
  const from = journalEnd(ctx);
  if (t.stopMethod === 'local') {
    const token = s.idToken ?? t.idToken;
    await ctx.dut('presentIdToken', { evseId: t.evseId, idToken: token.idToken, type: token.type });
    // Part 6 Table 432 Main A: the optional step 1 (StopAuthorized) may come before step 3; nothing
    // else (strict order). With a stop point the authorization itself reaches (Authorized …), one
    // Ended event with triggerReason StopAuthorized, stoppedReason Local, is as valid as both.
    const step3 = (p: JsonObject): boolean => (p['triggerReason'] === 'ChargingStateChanged' || (endsNow && p['triggerReason'] === 'StopAuthorized')) && (!endsNow || p['eventType'] === 'Ended');
    const step1 = (p: JsonObject): boolean => p['triggerReason'] === 'StopAuthorized' && !step3(p);
    const what = `a TransactionEvent with triggerReason ChargingStateChanged${endsNow ? ' (or StopAuthorized) ending the transaction' : ''} (step 3; the optional step 1 StopAuthorized may come first)`;
    let last = await expectTxEvent(ctx, from, what, (p) => step1(p) || step3(p));
    if (!step3(last.payload)) last = await expectTxEvent(ctx, ctx.cursor(), what, step3);
    ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(last)['chargingState'] === 'EVConnected' || (!s.evConnected && txInfo(last)['chargingState'] === 'Idle'), { expected: 'EVConnected', actual: txInfo(last)['chargingState'], frames: frames(last) });
    if (endsNow) {
      ctx.check('TransactionEvent eventType', last.payload['eventType'] === 'Ended', { expected: 'Ended', actual: last.payload['eventType'], frames: frames(last) });
      const reason = txInfo(last)['stoppedReason'];
      ctx.check('TransactionEvent transactionInfo.stoppedReason', reason === undefined || reason === 'Local', { expected: 'Local or omitted', actual: reason ?? 'omitted', frames: frames(last) });
    }
    // Step 1 is optional: when sent, it says StopAuthorized and carries the same idToken (or none).
    const stopEvent = callsIn(ctx.journal(), 'TransactionEvent').find((e) => e.index >= from && e.index < last.index && e.payload['triggerReason'] === 'StopAuthorized');
    if (stopEvent) {
      const got = obj(stopEvent.payload['idToken']);
      ctx.check('StopAuthorized TransactionEvent idToken', got === undefined || (got['idToken'] === token.idToken && got['type'] === token.type), {
        expected: `omitted or ${token.idToken} / ${token.type}`,
        actual: got ?? 'omitted',
        ...(stopEvent.frameSeq === undefined ? {} : { frames: [stopEvent.frameSeq] }),
      });
    }
    s.txEnded = last.payload['eventType'] === 'Ended';
  } else {
    const transactionId = s.transactionId ?? openTransactionId(ctx, t.evseId);
    if (!transactionId) ctx.fail('no transaction to stop: the station reported no transactionId on this EVSE');
    await ctx.callExpect('RequestStopTransaction', { transactionId }, { match: { status: 'Accepted' } });
    const te = await expectTxEvent(ctx, from, 'the TransactionEvent for the remote stop', (p) => obj(p['transactionInfo'])?.['transactionId'] === transactionId);
    ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'RemoteStop', { expected: 'RemoteStop', actual: te.payload['triggerReason'], frames: frames(te) });
    s.txEnded = te.payload['eventType'] === 'Ended';
  }
  s.stopAuthorized = true;
  s.authorized = false;
  s.energy = false;
  s.stopFrom = from;
}

export async function evConnectedPostSession(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  if (!s.stopAuthorized) await ctx.state('StopAuthorized', params);
  // Step 1 only when the stop did not already report the EV as connected without energy (or end it).
  const since = s.stopFrom ?? ctx.cursor();
  const reported = callsIn(ctx.journal(), 'TransactionEvent').some((e) => e.index >= since && (e.payload['eventType'] === 'Ended' || obj(e.payload['transactionInfo'])?.['chargingState'] === 'EVConnected'));
  if (!s.txEnded && !reported) {
    const te = await expectTxEvent(ctx, since, 'a TransactionEvent with chargingState EVConnected', (p) => p['triggerReason'] === 'ChargingStateChanged');
    ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(te)['chargingState'] === 'EVConnected', { expected: 'EVConnected', actual: txInfo(te)['chargingState'], frames: frames(te) });
    s.txEnded = te.payload['eventType'] === 'Ended';
  }
  s.postSession = true;
}

export async function evDisconnected(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  if (!s.postSession) await ctx.state('EVConnectedPostSession', params);
  const from = journalEnd(ctx);
  await ctx.dut('unplug', { evseId: t.evseId, connectorId: t.connectorId });
  // A case whose connector is not Available afterwards (Part 6 TC_G_11_CS: Inoperative) passes connectorStatus, or null to check it itself.
  const status = params['connectorStatus'] === undefined ? 'Available' : params['connectorStatus'];
  if (typeof status === 'string') await expectConnectorStatus(ctx, status, t, { from });
  if (!s.txEnded) {
    const te = await expectTxEvent(ctx, from, 'a TransactionEvent after the cable was unplugged');
    ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'EVCommunicationLost', { expected: 'EVCommunicationLost', actual: te.payload['triggerReason'], frames: frames(te) });
    ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(te)['chargingState'] === 'Idle', { expected: 'Idle', actual: txInfo(te)['chargingState'], frames: frames(te) });
    s.txEnded = te.payload['eventType'] === 'Ended';
  }
  s.evConnected = false;
  s.disconnected = true;
}

export async function parkingBayUnoccupied(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  if (!s.disconnected) await ctx.state('EVDisconnected', params);
  if (!s.parked) return;
  const settings = await txSettings(ctx);
  const from = journalEnd(ctx);
  await ctx.dut('driveOut', { evseId: t.evseId });
  s.parked = false;
  parkedEvses.delete(t.evseId);
  if (s.txEnded || !settings.stopPoints.includes('ParkingBayOccupancy')) return;
  const te = await expectTxEvent(ctx, from, 'a TransactionEvent after the EV left the bay');
  ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'EVDeparted', { expected: 'EVDeparted', actual: te.payload['triggerReason'], frames: frames(te) });
  ctx.check('TransactionEvent eventType', te.payload['eventType'] === 'Ended', { expected: 'Ended', actual: te.payload['eventType'], frames: frames(te) });
  const expected = t.stopMethod === 'remote' ? 'Remote' : 'Local';
  // Part 6 §2.1: after StopAuthorized local, the Ended event's stoppedReason is Local or omitted.
  const reason = txInfo(te)['stoppedReason'];
  ctx.check('TransactionEvent transactionInfo.stoppedReason', reason === expected || (reason === undefined && expected === 'Local'), { expected: expected === 'Local' ? 'Local or omitted' : expected, actual: reason ?? 'omitted', frames: frames(te) });
  s.txEnded = true;
}


export default defineStates({
  version: '2.0.1',
  sut: 'cs',
  states: {
    Booted: booted,
    ParkingBayOccupied: parkingBayOccupied,
    EVConnectedPreSession: evConnectedPreSession,
    Authorized: authorized,
    EnergyTransferStarted: energyTransferStarted,
    EnergyTransferSuspended: energyTransferSuspended,
    StopAuthorized: stopAuthorized,
    EVConnectedPostSession: evConnectedPostSession,
    EVDisconnected: evDisconnected,
    ParkingBayUnoccupied: parkingBayUnoccupied,
  },
  restore,
});
