/** OCPP 2.0.1 Part 6 §3.18 reusable state of block G (availability), SUT = CSMS. */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { connectorsOf, ensureBooted, framesOf, obj, reportStatus, stationOf, triggered } from '../_shared/station.js';

/** Part 6 Table 700: the CSMS makes an EVSE Inoperative; the station accepts and reports Unavailable. */
async function unavailable(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await ensureBooted(ctx);
  const evseId = typeof params['evseId'] === 'number' ? params['evseId'] : ctx.config.evseId;
  const call = await triggered(ctx, {
    action: 'ChangeAvailability',
    trigger: 'triggerChangeAvailability',
    params: { operationalStatus: 'Inoperative', evseId },
    respond: () => ({ status: 'Accepted' }),
  });
  const evse = obj(call.payload['evse']);
  ctx.check('ChangeAvailabilityRequest.operationalStatus is Inoperative', call.payload['operationalStatus'] === 'Inoperative', {
    expected: 'Inoperative',
    actual: call.payload['operationalStatus'],
    frames: framesOf(call),
  });
  ctx.check(`ChangeAvailabilityRequest.evse.id is ${evseId}`, evse?.['id'] === evseId, { expected: { id: evseId }, actual: evse ?? 'evse absent (whole station)', frames: framesOf(call) });
  ctx.check('ChangeAvailabilityRequest.evse.connectorId is omitted', evse?.['connectorId'] === undefined, {
    expected: 'no connectorId',
    actual: evse?.['connectorId'],
    frames: framesOf(call),
  });
  stationOf(ctx).inoperative.add(evseId);
  for (const c of connectorsOf(ctx).filter((c) => c.evseId === evseId)) await reportStatus(ctx, c.evseId, c.connectorId, 'Unavailable');
}

export default defineStates({ version: '2.0.1', sut: 'csms', states: { Unavailable: unavailable } });
