/**
 * What the block G `_CSMS` cases share (Part 6 §3.8): make the CSMS send ChangeAvailability for a
 * scope (the whole station, the configured EVSE, the configured connector) and check its tool
 * validation (operationalStatus, evse omitted / evse.id / evse.connectorId), report connector states
 * as the simulated station, and the post-scenario validation "a response to the report of the state
 * of a connector has been received for all connectors".
 */
import type { JournalEntry, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { connectorsOf, framesOf, obj, reportStatus, stationOf, triggered } from '../_shared/station.js';

export type Scope = 'station' | 'evse' | 'connector';

/** The connectors of the simulated station a scope covers. */
export function connectorsIn(ctx: TestContext, scope: Scope): Array<{ evseId: number; connectorId: number }> {
  const all = connectorsOf(ctx);
  if (scope === 'station') return all;
  if (scope === 'evse') return all.filter((c) => c.evseId === ctx.config.evseId);
  return [{ evseId: ctx.config.evseId, connectorId: ctx.config.connectorId }];
}

/**
 * Make the CSMS send ChangeAvailabilityRequest (operator action), answer it with `status` and check
 * step `step`: operationalStatus, and evse as the scope wants it.
 */
export async function expectChangeAvailability(ctx: TestContext, operationalStatus: 'Operative' | 'Inoperative', scope: Scope, status: 'Accepted' | 'Scheduled', at: { step: number }): Promise<ObservedCall> {
  const { step } = at;
  const { evseId, connectorId } = ctx.config;
  const params = { operationalStatus, ...(scope === 'station' ? {} : { evseId }), ...(scope === 'connector' ? { connectorId } : {}) };
  const call = await triggered(ctx, { action: 'ChangeAvailability', trigger: 'triggerChangeAvailability', params, respond: () => ({ status }) });
  const evse = obj(call.payload['evse']);
  const frames = framesOf(call);
  ctx.check(`ChangeAvailabilityRequest.operationalStatus is ${operationalStatus}`, call.payload['operationalStatus'] === operationalStatus, { expected: operationalStatus, actual: call.payload['operationalStatus'], frames, step });
  if (scope === 'station') {
    ctx.check('ChangeAvailabilityRequest.evse is omitted (the whole station)', evse === undefined, { expected: 'no evse', actual: evse ?? 'absent', frames, step });
    return call;
  }
  ctx.check(`ChangeAvailabilityRequest.evse.id is ${evseId}`, evse?.['id'] === evseId, { expected: evseId, actual: evse ?? 'evse absent (whole station)', frames, step });
  if (scope === 'evse') {
    ctx.check('ChangeAvailabilityRequest.evse.connectorId is omitted', evse?.['connectorId'] === undefined, { expected: 'no connectorId', actual: evse?.['connectorId'], frames, step });
  } else {
    ctx.check(`ChangeAvailabilityRequest.evse.connectorId is ${connectorId}`, evse?.['connectorId'] === connectorId, { expected: connectorId, actual: evse?.['connectorId'] ?? 'absent', frames, step });
  }
  return call;
}

/** The simulated station reports `status` for the connectors of the scope (Operative / Inoperative bookkeeping included). */
export async function reportScope(ctx: TestContext, scope: Scope, status: 'Available' | 'Unavailable', only?: (c: { evseId: number; connectorId: number }) => boolean): Promise<void> {
  const station = stationOf(ctx);
  for (const c of connectorsIn(ctx, scope).filter((x) => only === undefined || only(x))) {
    if (status === 'Unavailable') station.inoperative.add(c.evseId);
    else station.inoperative.delete(c.evseId);
    await reportStatus(ctx, c.evseId, c.connectorId, status);
  }
}

/** Post scenario: every StatusNotification we sent in the case for the connectors of the scope was answered. */
export async function postReportsAnswered(ctx: TestContext, scope: Scope): Promise<void> {
  await ctx.step('Post scenario: the CSMS answered the report of every connector', async () => {
    const entries = ctx.journal();
    for (const c of connectorsIn(ctx, scope)) {
      const sent = entries.filter((e): e is Extract<JournalEntry, { kind: 'callIn' | 'callOut' | 'sendIn' }> => e.kind === 'callOut' && e.action === 'StatusNotification' && e.payload['evseId'] === c.evseId && e.payload['connectorId'] === c.connectorId);
      const answered = sent.filter((s) => entries.some((e) => e.kind === 'resultIn' && e.messageId === s.messageId));
      const what = `evseId ${c.evseId}, connectorId ${c.connectorId}`;
      ctx.check(`the CSMS answered every StatusNotification for ${what}`, sent.length > 0 && answered.length === sent.length, {
        expected: 'a StatusNotificationResponse for each one sent',
        actual: `${answered.length} of ${sent.length} answered`,
        // Nothing sent for it: point at the exchanges of the case instead.
        frames: (sent.length > 0 ? sent : entries.filter((e) => e.kind === 'callOut' || e.kind === 'callIn')).flatMap((s) => ('frameSeq' in s && s.frameSeq !== undefined ? [s.frameSeq] : [])),
      });
    }
  });
}

/**
 * Part 6 TC_G_11/14/17_CSMS: during a transaction (EnergyTransferStarted) the CSMS sends
 * ChangeAvailability Inoperative, answered Scheduled (step 1 validated); the session then ends
 * (StopAuthorized, EVConnectedPostSession, EVDisconnected) and the station reports the connectors
 * of the configured EVSE in the scope Unavailable. For the whole station, the connectors without
 * the transaction are reported Unavailable at once (TC_G_14_CSMS step 3).
 */
export async function inoperativeDuringTransaction(ctx: TestContext, scope: Scope, at: { step: number }): Promise<void> {
  await ctx.step('Reusable state: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  await ctx.step(`Steps 1-2: the CSMS sends ChangeAvailabilityRequest Inoperative (${scope}), answered Scheduled`, () => expectChangeAvailability(ctx, 'Inoperative', scope, 'Scheduled', at));
  const { evseId } = ctx.config;
  if (scope === 'station' && connectorsIn(ctx, 'station').some((c) => c.evseId !== evseId)) {
    await ctx.step('Steps 3-4: the connectors without the transaction reported Unavailable', () => reportScope(ctx, 'station', 'Unavailable', (c) => c.evseId !== evseId));
  }
  for (const state of ['StopAuthorized', 'EVConnectedPostSession', 'EVDisconnected']) await ctx.step(`Reusable state: ${state}`, () => ctx.state(state));
  await ctx.step('The transaction ended: the station reports the connectors of the EVSE Unavailable', () => reportScope(ctx, scope === 'station' ? 'evse' : scope, 'Unavailable'));
}
