/**
 * OCPP 2.0.1 Part 6 §2.1: after every `_CS` case, bring the station back to the general
 * preconditions (accepted, connected, no transaction, EVSEs available, variables as before).
 * It throws to say it could not.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import type { VariableRef } from './expect.js';
import { keyOf, refOf, refPayload } from './expect.js';
import { bootAccepted, callsIn, callsOut, journalEnd, lastStatuses, num, obj, parkedEvses, resultOf, statusReports, str, transactions, waitFor, waitQuiet } from './journal.js';

// ---- restore (§2.1 general preconditions) -----------------------------------------------------

/** Values seen before any change in earlier cases: what the station had under the general preconditions. */
export const learned = new Map<string, string>();

/**
 * Values the reference configuration uses when a case changed a variable without reading it first.
 * A real station can give its own in the config file: `extra.defaultVariables: { "TxCtrlr.TxStartPoint": "…" }`.
 */
export function knownDefault(ctx: TestContext, key: string): string | undefined {
  const extra = obj(ctx.config.extra['defaultVariables']);
  const given = str(extra?.[key]);
  if (given !== undefined) return given;
  const builtIn: Record<string, string> = {
    'OCPPCommCtrlr.HeartbeatInterval': String(ctx.config.heartbeatIntervalS),
    'AuthCtrlr.LocalPreAuthorize': 'false',
    'AuthCtrlr.Enabled': 'true',
    'AuthCtrlr.DisableRemoteAuthorization': 'false',
  };
  return builtIn[key];
}

/**
 * The station, connected; one that did not come back within the connect timeout gets a power cycle
 * through the adapter (when it can) and one more wait, instead of failing every later case (issue #11).
 */
export async function peerOrPowerCycle(ctx: TestContext): Promise<void> {
  try {
    await ctx.peer();
  } catch (err) {
    const cycled = await ctx.dut('powerCycle').then(() => true, () => false);
    if (!cycled) throw err;
    await ctx.peer();
  }
}

export async function restore(ctx: TestContext): Promise<void> {
  const long = ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs;
  await peerOrPowerCycle(ctx);
  let entries = ctx.journal();

  // 1. Accepted by the CSMS: a reboot still under way, or a registration left Pending/Rejected.
  // A Reset of one EVSE (evseId given, Part 2 B11.FR.08) reboots that EVSE, not the station: no new boot to wait for.
  const resets = callsOut(entries, 'Reset').filter((c) => c.payload['evseId'] === undefined && ['Accepted', 'Scheduled'].includes(str(resultOf(entries, c.messageId, 'resultIn')?.['status']) ?? ''));
  const boot = bootAccepted(entries);
  const rebootPending = resets.some((r) => r.index > (boot.lastBoot?.index ?? -1)) && resets.some((r) => resultOf(entries, r.messageId, 'resultIn')?.['status'] === 'Accepted');
  if (!boot.accepted || rebootPending) {
    if (!boot.accepted && boot.lastBoot && resultOf(entries, boot.lastBoot.messageId, 'resultOut')?.['status'] === 'Pending') {
      await ctx.call('TriggerMessage', { requestedMessage: 'BootNotification' });
    }
    const from = (boot.lastBoot?.index ?? -1) + 1;
    const next = await waitFor(ctx, from, boot.retryMs + long, (e) => e.action === 'BootNotification');
    if (!next) throw new Error('the station did not boot again (no BootNotification accepted)');
    await waitQuiet(ctx, 500, ctx.config.messageTimeoutMs);
    entries = ctx.journal();
  }

  // 2. Faults, transactions, cable, parking, availability.
  const statuses = lastStatuses(entries);
  for (const st of statuses.values()) {
    if (st.status === 'Faulted') await ctx.dut('clearFault', { evseId: st.evseId, connectorId: st.connectorId });
  }
  const sinceBoot = bootAccepted(entries).lastBoot?.index ?? -1;
  const txs = transactions(entries);
  const authorizedAt = [
    ...callsIn(entries, 'Authorize').filter((a) => obj(resultOf(entries, a.messageId, 'resultOut')?.['idTokenInfo'])?.['status'] === 'Accepted').map((a) => a.index),
    ...callsOut(entries, 'RequestStartTransaction').filter((c) => resultOf(entries, c.messageId, 'resultIn')?.['status'] === 'Accepted').map((c) => c.index),
  ].filter((i) => i > sinceBoot);
  const lastAuth = Math.max(-1, ...authorizedAt);
  const lastTokenEvent = Math.max(-1, ...[...txs.values()].map((t) => t.tokenIndex ?? -1), ...callsIn(entries, 'TransactionEvent').filter((e) => ['EVConnectTimeout', 'Deauthorized'].includes(str(e.payload['triggerReason']) ?? '')).map((e) => e.index));
  // A DUT that reported Occupied for connector 0 (or EVSE 0) is not told "unplug connectorId 0": ids
  // the spec does not allow there are mapped to the configured connector (issue #11).
  const occupied = [...statuses.values()]
    .filter((s) => s.status === 'Occupied' && s.evseId > 0)
    .map((s) => (s.connectorId > 0 ? s : { ...s, connectorId: s.evseId === ctx.config.evseId ? ctx.config.connectorId : 1 }));
  const evseId = ctx.config.evseId;
  const plugged = (id: number): boolean => occupied.some((s) => s.evseId === id);
  if (lastAuth > lastTokenEvent && !plugged(evseId) && [...txs.values()].every((t) => t.ended)) {
    // An authorization waiting for a cable: plug in so it becomes a transaction we can stop.
    const from = journalEnd(ctx);
    await ctx.dut('plugIn', { evseId, connectorId: ctx.config.connectorId });
    occupied.push({ evseId, connectorId: ctx.config.connectorId, status: 'Occupied', index: from });
    const te = await waitFor(ctx, from, ctx.config.messageTimeoutMs, (e) => e.action === 'TransactionEvent');
    const id = str(obj(te?.payload['transactionInfo'])?.['transactionId']);
    if (te && id) txs.set(id, { id, evseId, ended: te.payload['eventType'] === 'Ended', lastIndex: te.index });
  }
  for (const tx of txs.values()) {
    if (tx.ended) continue;
    const latest = transactions(ctx.journal()).get(tx.id);
    if (latest?.ended) continue;
    const from = journalEnd(ctx);
    await ctx.call('RequestStopTransaction', { transactionId: tx.id });
    await waitFor(ctx, from, ctx.config.messageTimeoutMs, (e) => e.action === 'TransactionEvent' && obj(e.payload['transactionInfo'])?.['transactionId'] === tx.id && e.payload['eventType'] === 'Ended');
  }
  for (const st of occupied) {
    const from = journalEnd(ctx);
    await ctx.dut('unplug', { evseId: st.evseId, connectorId: st.connectorId });
    await waitFor(ctx, from, ctx.config.messageTimeoutMs, (e) => statusReports([e]).some((r) => r.evseId === st.evseId && r.status !== 'Occupied'));
  }
  for (const id of [...parkedEvses]) {
    await ctx.dut('driveOut', { evseId: id });
    parkedEvses.delete(id);
  }
  const stillOpen = [...transactions(ctx.journal()).values()].filter((t) => !t.ended);
  if (stillOpen.length > 0) {
    const from = journalEnd(ctx);
    const ended = await waitFor(ctx, from, ctx.config.messageTimeoutMs, () => [...transactions(ctx.journal()).values()].every((t) => t.ended));
    if (!ended && [...transactions(ctx.journal()).values()].some((t) => !t.ended)) throw new Error(`transaction ${stillOpen.map((t) => t.id).join(', ')} is still running`);
  }
  const inoperative = callsOut(entries, 'ChangeAvailability').filter(
    (c) => c.payload['operationalStatus'] === 'Inoperative' && ['Accepted', 'Scheduled'].includes(str(resultOf(entries, c.messageId, 'resultIn')?.['status']) ?? ''),
  );
  const unavailable = [...lastStatuses(ctx.journal()).values()].some((s) => s.status === 'Unavailable');
  if (inoperative.length > 0 || unavailable) {
    const from = journalEnd(ctx);
    await ctx.call('ChangeAvailability', { operationalStatus: 'Operative' });
    await waitFor(ctx, from, ctx.config.messageTimeoutMs, (e) => statusReports([e]).some((r) => r.status === 'Available'));
  }
  const reservations = callsOut(entries, 'ReserveNow').filter((c) => resultOf(entries, c.messageId, 'resultIn')?.['status'] === 'Accepted');
  for (const r of reservations) {
    const id = num(r.payload['id']);
    if (id !== undefined) await ctx.call('CancelReservation', { reservationId: id });
  }

  // 3. Configuration the case changed: back to the value it had before (read in the case, learned
  // earlier in the run, or a known default).
  const firstSet = new Map<string, number>();
  const changed = new Map<string, VariableRef>();
  for (const c of callsOut(entries, 'SetVariables')) {
    const res = resultOf(entries, c.messageId, 'resultIn');
    const results = Array.isArray(res?.['setVariableResult']) ? (res['setVariableResult'] as unknown[]).map(obj) : [];
    const asked = Array.isArray(c.payload['setVariableData']) ? (c.payload['setVariableData'] as unknown[]).map(obj) : [];
    for (const r of results) {
      // The reference as we sent it: a station that leaves the instance out of its result does not
      // make the restore write MessageAttempts without its instance (issue #11).
      const answered = refOf(r);
      const ref = asked.map(refOf).find((a) => a && answered && a.component === answered.component && a.variable === answered.variable && (answered.instance === undefined || a.instance === answered.instance)) ?? answered;
      if (!ref || !['Accepted', 'RebootRequired'].includes(str(r?.['attributeStatus']) ?? '')) continue;
      const key = keyOf(ref);
      if (!firstSet.has(key)) firstSet.set(key, c.index);
      changed.set(key, ref);
    }
  }
  const readBefore = new Map<string, string>();
  for (const c of callsOut(entries, 'GetVariables')) {
    const res = resultOf(entries, c.messageId, 'resultIn');
    const results = Array.isArray(res?.['getVariableResult']) ? (res['getVariableResult'] as unknown[]).map(obj) : [];
    for (const r of results) {
      const ref = refOf(r);
      if (!ref || r?.['attributeStatus'] !== 'Accepted' || (r['attributeType'] !== undefined && r['attributeType'] !== 'Actual')) continue;
      const key = keyOf(ref);
      const setAt = firstSet.get(key);
      // No value in the answer is no value read: never written back as "" (issue #11).
      const value = str(r['attributeValue']);
      if (value !== undefined && (setAt === undefined || c.index < setAt) && !readBefore.has(key)) readBefore.set(key, value);
    }
  }
  for (const [key, value] of readBefore) learned.set(key, value);
  const restoreData: JsonObject[] = [];
  for (const [key, ref] of changed) {
    const original = readBefore.get(key) ?? learned.get(key) ?? knownDefault(ctx, key);
    if (original === undefined) continue;
    restoreData.push({ attributeValue: original, ...refPayload(ref) });
  }
  for (let i = 0; i < restoreData.length; i += 10) {
    await ctx.call('SetVariables', { setVariableData: restoreData.slice(i, i + 10) });
  }
  await waitQuiet(ctx, 200, ctx.config.messageTimeoutMs);
}
