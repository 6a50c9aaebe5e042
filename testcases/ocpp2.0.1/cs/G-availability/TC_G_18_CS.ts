/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_18_CS — Change Availability EVSE, state persists across
 * reboot: the configured EVSE is made Inoperative (Accepted, its connectors reported Unavailable,
 * those of other EVSEs, when reported, Available); after a reboot the station reports that EVSE
 * Unavailable again (Part 2 G03.FR.08) and the others Available.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { journalEnd, statusReports } from '../_shared/journal.js';
import { changeAvailability, expectStatuses, postAllReported, rebootExpecting } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_18_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability EVSE - state persists across reboot',
  useCases: ['G03'],
  requirements: ['G03.FR.08', 'G01.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Accepted (Inoperative for the configured EVSE)' },
    { step: 3, checks: 'StatusNotification / NotifyEvent (evseId, connectorId not 0): Unavailable for the configured EVSE, Available for any other EVSE reported' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector' },
  ],
  detects: ['availability-lost-on-reboot'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    const evseId = ctx.config.evseId;
    // Part 6 names "state is Unavailable" as the charging state; steps 1-3 are what brings the EVSE there.
    const at = journalEnd(ctx);
    await ctx.step(`Steps 1-2: ChangeAvailability Inoperative for EVSE ${evseId}, answered Accepted`, () => changeAvailability(ctx, 'Inoperative', 'evse', 'Accepted', { step: 2 }));
    await ctx.step('Step 3: the station reports the state of its connectors', async () => {
      await expectStatuses(ctx, 'Unavailable', 'evse', at, { step: 3 });
      for (const r of statusReports(ctx.journal().filter((e) => e.index >= at && e.index < journalEnd(ctx))).filter((x) => x.evseId !== evseId)) {
        const entry = ctx.journal().find((e) => e.index === r.index);
        const seq = entry && 'frameSeq' in entry && typeof entry.frameSeq === 'number' ? [entry.frameSeq] : [];
        ctx.check(`EVSE ${r.evseId} connector ${r.connectorId} reported Available`, r.status === 'Available' && r.connectorId !== 0, { expected: 'Available (connectorId not 0)', actual: `${r.status} (connectorId ${r.connectorId})`, frames: seq, step: 3 });
      }
    });
    await ctx.step('Step 5: Booted — after the reboot the EVSE is still Unavailable, the others Available', () =>
      rebootExpecting(ctx, (w) => (w.evseId === evseId ? 'Unavailable' : 'Available'), {}),
    );
    await postAllReported(ctx, 'station', from);
  },
});
