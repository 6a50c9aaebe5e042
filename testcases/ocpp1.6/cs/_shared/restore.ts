/**
 * OCPP 1.6 `_CS`: after every case, back to the general preconditions: undo what the ledger of
 * ./charge-point.ts records, then check every connector is Available.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { formatDuration, outcomeWords } from '../../../../src/engine/authoring.js';
import { fromNow, ledgerOf } from './charge-point.js';

// ---- restore: back to the general preconditions -------------------------------------------------

/** Transactions the case's journal shows started and not stopped (when the restore can see them). */
export function openTransactions(ctx: TestContext): Map<number, number> {
  const open = new Map<number, number>();
  const startIds = new Map<string, number>();
  for (const e of ctx.journal()) {
    if (e.kind === 'callIn' && e.action === 'StartTransaction' && typeof e.payload['connectorId'] === 'number') startIds.set(e.messageId, e.payload['connectorId']);
    if (e.kind === 'resultOut' && startIds.has(e.messageId) && typeof e.payload['transactionId'] === 'number') open.set(e.payload['transactionId'], startIds.get(e.messageId) ?? 0);
    if (e.kind === 'callIn' && e.action === 'StopTransaction' && typeof e.payload['transactionId'] === 'number') open.delete(e.payload['transactionId']);
  }
  return open;
}

/** The last BootNotification the restore can see was answered Accepted. */
export function lastBootAccepted(ctx: TestContext): boolean {
  const entries = ctx.journal();
  const boot = entries.filter((e) => e.kind === 'callIn' && e.action === 'BootNotification').at(-1);
  if (!boot || boot.kind !== 'callIn') return false;
  const answer = entries.find((e) => e.kind === 'resultOut' && e.messageId === boot.messageId);
  return answer?.kind === 'resultOut' && answer.payload['status'] === 'Accepted';
}

export async function statusOf(ctx: TestContext, connectorId: number): Promise<string | undefined> {
  const ledger = ledgerOf(ctx);
  // A charge point that accepted the trigger once and sent nothing is not asked again: one wait
  // per run, not one per case (issue #11: 30 s per case).
  if (ledger.triggerIgnored !== undefined) return undefined;
  fromNow(ctx);
  const res = await ctx.call('TriggerMessage', { requestedMessage: 'StatusNotification', connectorId });
  if (res.status !== 'result' || res.payload['status'] !== 'Accepted') return undefined;
  const sn = await ctx.maybeCall('StatusNotification', { match: { connectorId } });
  if (!sn) ledger.triggerIgnored = `TriggerMessage StatusNotification (connector ${connectorId}) was Accepted but no StatusNotification came within ${formatDuration(ctx.config.messageTimeoutMs)}`;
  return sn ? String(sn.payload['status']) : undefined;
}

/**
 * OCTT 1.6 §1.3 beyond the ledger's connectors: clear of faults, no reservations, no local list,
 * no charging schedules, an empty authorization cache (asked only when the case may have filled it).
 */
async function restoreMemory(ctx: TestContext, problems: string[]): Promise<void> {
  const ledger = ledgerOf(ctx);
  for (const connectorId of [...(ledger.faulted ?? [])]) {
    ledger.faulted?.delete(connectorId);
    await ctx.dut('clearFault', { connectorId });
  }
  for (const reservationId of [...(ledger.reservations ?? [])]) {
    ledger.reservations?.delete(reservationId);
    await ctx.call('CancelReservation', { reservationId });
  }
  if (ledger.localList) {
    ledger.localList = false;
    const res = await ctx.call('SendLocalList', { listVersion: 0, updateType: 'Full', localAuthorizationList: [] });
    if (res.status !== 'result' || res.payload['status'] !== 'Accepted') problems.push(`could not empty the local authorization list: ${res.status === 'result' ? `status ${String(res.payload['status'])}` : outcomeWords(res)}`);
  }
  for (const chargingProfileId of [...(ledger.chargingProfiles ?? [])]) {
    ledger.chargingProfiles?.delete(chargingProfileId);
    await ctx.call('ClearChargingProfile', { id: chargingProfileId });
  }
  const mayHaveCached = ctx.journal().some((e) => e.kind === 'callIn' && (e.action === 'Authorize' || e.action === 'StartTransaction'));
  if (mayHaveCached) await ctx.call('ClearCache', {});
}

export async function restore(ctx: TestContext): Promise<void> {
  const ledger = ledgerOf(ctx);
  await ctx.peer();
  if (ledger.bootExpected && !lastBootAccepted(ctx)) {
    // A reset / power cycle / Pending registration the case did not see through: let it finish.
    await ctx.maybeCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs });
    await ctx.peer();
  }
  ledger.bootExpected = false;
  const problems: string[] = [];
  // Configuration first, so StopTransactionOnEVSideDisconnect etc. are as before for the clean-up.
  for (const [key, value] of [...ledger.config]) {
    const res = await ctx.call('ChangeConfiguration', { key, value });
    if (res.status !== 'result' || !['Accepted', 'RebootRequired'].includes(String(res.payload['status']))) problems.push(`could not put ${key} back to ${value}: ${res.status === 'result' ? `status ${String(res.payload['status'])}` : outcomeWords(res)}`);
  }
  ledger.config.clear();
  const transactions = new Map<number, number>();
  for (const [connectorId, id] of ledger.transactions) transactions.set(id, connectorId);
  for (const [id, connectorId] of openTransactions(ctx)) transactions.set(id, connectorId);
  for (const id of transactions.keys()) {
    fromNow(ctx);
    const res = await ctx.call('RemoteStopTransaction', { transactionId: id });
    if (res.status === 'result' && res.payload['status'] === 'Accepted') await ctx.maybeCall('StopTransaction', { match: { transactionId: id } });
  }
  ledger.transactions.clear();
  for (const connectorId of [...ledger.plugged]) {
    // Forgotten first: an unplug that fails is reported once, not again after every later case.
    ledger.plugged.delete(connectorId);
    await ctx.dut('unplug', { connectorId });
  }
  for (const connectorId of [...ledger.inoperative]) {
    await ctx.call('ChangeAvailability', { connectorId, type: 'Operative' });
    ledger.inoperative.delete(connectorId);
  }
  await restoreMemory(ctx, problems);
  if (problems.length > 0) throw new Error(problems.join('; '));

  // Every connector Available? (Asked with TriggerMessage when the charge point supports it.)
  const notAvailable: string[] = [];
  for (let c = 1; c <= ctx.config.numberOfEvses; c++) {
    const s = await statusOf(ctx, c);
    if (s !== undefined && s !== 'Available') notAvailable.push(`connector ${c} is ${s}`);
  }
  if (notAvailable.length === 0) return;
  // Last resort: a soft reset ends whatever is left (an authorization waiting for a cable …).
  fromNow(ctx);
  const reset = await ctx.call('Reset', { type: 'Soft' });
  if (reset.status !== 'result' || reset.payload['status'] !== 'Accepted') throw new Error(`${notAvailable.join(', ')} and a soft reset was not accepted (${reset.status === 'result' ? `status ${String(reset.payload['status'])}` : outcomeWords(reset)})`);
  const boot = await ctx.maybeCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs });
  if (!boot) throw new Error(`${notAvailable.join(', ')}; no BootNotification after a soft reset`);
  for (let c = 1; c <= ctx.config.numberOfEvses; c++) {
    const sn = await ctx.maybeCall('StatusNotification', { match: { connectorId: c }, from: boot.index + 1 });
    const after = sn === undefined ? 'no status' : JSON.stringify(sn.payload['status']);
    if (sn?.payload['status'] !== 'Available') throw new Error(`connector ${c} is not Available after a soft reset (${after})`);
  }
}
