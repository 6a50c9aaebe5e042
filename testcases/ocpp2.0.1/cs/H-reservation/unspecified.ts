/**
 * The step of the unspecified-EVSE cases (TC_H_08/15/24_CS) where Part 6 expects the connector
 * Reserved: its notes ask it of a station with one EVSE (or one connector of the type). With more,
 * Part 2 H01.FR.20 shows Reserved only once the free EVSEs are as many as the reservations, so the
 * check applies to a one-EVSE station and the step says why otherwise.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { validToken, validToken2 } from './reservation-support.js';

export async function reservedIfOnlyOne(ctx: TestContext, from: number, step: number): Promise<void> {
  const where = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
  if (ctx.config.numberOfEvses === 1) {
    await expectConnectorStatus(ctx, 'Reserved', where, { from, step });
  }
  // More EVSEs: one unspecified reservation leaves others free; no connector has to be Reserved (Part 2 H01.FR.20).
}

/** Part 6 authorizes the second valid idToken; at a one-EVSE station that EVSE is the reservation's, so the reserved idToken is used there. */
export function authorizingToken(ctx: TestContext): { idToken: string; type: string } {
  return ctx.config.numberOfEvses === 1 ? validToken(ctx) : validToken2(ctx);
}
