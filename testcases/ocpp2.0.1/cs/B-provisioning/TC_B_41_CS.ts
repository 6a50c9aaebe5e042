/**
 * OCPP 2.0.1 Part 6 §2.3, TC_B_41_CS: with a transaction running on two EVSEs, a Reset OnIdle is
 * Scheduled (Part 2 B12.FR.01) and carried out only after both transactions have ended
 * (B12.FR.03): EVSE 1 goes through StopAuthorized … ParkingBayUnoccupied, EVSE 2 through as many
 * of them as its TxStopPoint needs to end the transaction (the notes of steps 8-10), then the
 * station reboots and reports its connectors. EVSE 1 is the configured EVSE, EVSE 2 the configured
 * `extra.secondEvseId` (default the other one of 1 and 2).
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { callsIn, frames, journalEnd, obj, openTransactionId, sessionOf, stationReady } from '../_shared/journal.js';
import { rebootWithinMs } from './boot.js';

const secondEvseOf = (ctx: TestContext): number => {
  const v = ctx.config.extra['secondEvseId'];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v !== ctx.config.evseId ? v : ctx.config.evseId === 1 ? 2 : 1;
};

export default defineTestCase({
  id: 'TC_B_41_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset Charging Station - With multiple ongoing transactions - OnIdle',
  useCases: ['B12'],
  requirements: ['B12.FR.01', 'B12.FR.03', 'E07.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: for a station with more than one EVSE (HFS-8 > 1); Part 6 prerequisite likewise.
  applies: { item: 'HFS-8', atLeast: 2 },
  validations: [
    { step: 2, checks: 'Reset OnIdle (no evseId) is Scheduled' },
    { step: 11, checks: 'both transactions Ended (stop authorized with the configured valid idToken) before the BootNotification' },
    { step: 13, checks: 'after the boot every connector of both EVSEs is reported (Available, or Occupied where the EV is still plugged in)' },
    { step: 'post', checks: 'a connector status report (StatusNotification or NotifyEvent AvailabilityState) for every EVSE after the boot' },
  ],
  detects: ['reset-onidle-after-first-tx', 'reset-onidle-interrupts-tx'],
  async run(ctx) {
    await stationReady(ctx);
    if (ctx.config.numberOfEvses < 2) ctx.inconclusive(`the configured station has ${ctx.config.numberOfEvses} EVSE; the case needs more than one (Part 6 prerequisite)`);
    const evseIds = [ctx.config.evseId, secondEvseOf(ctx)];
    const valid = ctx.config.idTokens.valid;
    // Both with the configured valid idToken (step 11); the second by a remote start, since the card presented
    // again at a station would stop the transaction it already runs.
    for (const [i, evseId] of evseIds.entries()) {
      await ctx.step(`Before: EnergyTransferStarted on EVSE ${evseId}`, () => ctx.state('EnergyTransferStarted', { evseId, connectorId: 1, idToken: { idToken: valid.idToken, type: valid.type }, ...(i === 1 ? { method: 'remote' } : {}) }));
    }
    const txIds = evseIds.map((evseId) => sessionOf(ctx, evseId).transactionId ?? openTransactionId(ctx, evseId));
    const afterReset = journalEnd(ctx);
    await ctx.step('Steps 1-2: Reset OnIdle (no evseId) is Scheduled', async () => {
      const answer = await ctx.callExpect('Reset', { type: 'OnIdle' });
      ctx.check('ResetResponse status', answer['status'] === 'Scheduled', { expected: 'Scheduled', actual: answer['status'] ?? 'absent', step: 2 });
    });
    const [first, second] = evseIds as [number, number];
    const p1 = { evseId: first, connectorId: 1 };
    await ctx.step(`Step 3: StopAuthorized on EVSE ${first}`, () => ctx.state('StopAuthorized', p1));
    await ctx.step(`Step 4: EVConnectedPostSession on EVSE ${first}`, () => ctx.state('EVConnectedPostSession', p1));
    await ctx.step(`Step 5: EVDisconnected on EVSE ${first}`, () => ctx.state('EVDisconnected', p1));
    await ctx.step(`Step 6: ParkingBayUnoccupied on EVSE ${first}`, () => ctx.state('ParkingBayUnoccupied', p1));
    // Steps 7-10 on EVSE 2: each state only while its transaction is still open (the notes of steps 8-9).
    const p2 = { evseId: second, connectorId: 1 };
    const open2 = (): boolean => txIds[1] !== undefined && !callsIn(ctx.journal(), 'TransactionEvent').some((e) => e.payload['eventType'] === 'Ended' && obj(e.payload['transactionInfo'])?.['transactionId'] === txIds[1]);
    let plugged2 = true;
    await ctx.step(`Step 7: StopAuthorized on EVSE ${second}`, () => ctx.state('StopAuthorized', p2));
    if (open2()) await ctx.step(`Step 8: EVConnectedPostSession on EVSE ${second}`, () => ctx.state('EVConnectedPostSession', p2));
    if (open2()) {
      await ctx.step(`Step 9: EVDisconnected on EVSE ${second}`, () => ctx.state('EVDisconnected', p2));
      plugged2 = false;
    }
    if (open2()) await ctx.step(`Step 10: ParkingBayUnoccupied on EVSE ${second}`, () => ctx.state('ParkingBayUnoccupied', p2));
    let boot: ObservedCall | undefined;
    await ctx.step('Steps 11-12: both transactions Ended, then the station reboots', async () => {
      boot = await ctx.expectCall('BootNotification', { from: afterReset, withinMs: rebootWithinMs(ctx), step: 11 });
      const booted = boot;
      for (const [i, evseId] of evseIds.entries()) {
        const events = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index > afterReset && obj(e.payload['transactionInfo'])?.['transactionId'] === txIds[i]);
        const ended = events.find((e) => e.payload['eventType'] === 'Ended');
        ctx.check(`EVSE ${evseId}: TransactionEvent eventType Ended before the BootNotification`, ended !== undefined && ended.index < booted.index, {
          expected: `transaction ${String(txIds[i])} Ended, then BootNotification`,
          actual: ended === undefined ? 'no Ended event for it' : ended.index < booted.index ? 'Ended first' : 'the station booted before it ended',
          frames: [...(ended ? frames(ended) : []), ...frames(booted)],
          step: 11,
        });
        // The stop is authorized by the configured valid idToken: carried by the Ended event or by the StopAuthorized event before it.
        const tokens = events.map((e) => obj(e.payload['idToken'])).filter((t) => t !== undefined);
        const named = tokens.some((t) => t['idToken'] === valid.idToken && t['type'] === valid.type);
        ctx.check(`EVSE ${evseId}: the stop names the configured valid idToken`, named && tokens.every((t) => t['idToken'] === valid.idToken), {
          expected: `idToken ${valid.idToken} / ${valid.type}`,
          actual: tokens.map((t) => `${String(t['idToken'])} / ${String(t['type'])}`).join(', ') || 'no idToken in its stop events',
          frames: events.flatMap(frames),
          step: 11,
        });
      }
    });
    await ctx.step('Steps 13-14: every connector reported after the boot', async () => {
      const from = (boot as ObservedCall).index;
      for (let evseId = 1; evseId <= ctx.config.numberOfEvses; evseId++) {
        const status = evseId === second && plugged2 ? 'Occupied' : 'Available';
        await expectConnectorStatus(ctx, status, { evseId }, { from, step: 13 });
      }
    });
  },
});
