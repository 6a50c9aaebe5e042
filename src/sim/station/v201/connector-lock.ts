/**
 * Block G, the connector's plug retention lock (Part 2 G05; Part 6 TC_G_20_CS): a cable pushed in
 * only halfway is detected (the connector is Occupied) but the lock cannot close. 2.0.1 has no
 * ConnectorLockFailure error code (that is 1.6's StatusNotification): when the session is
 * authorized and the station tries to lock, it reports ConnectorPlugRetentionLock.Problem "true" by
 * NotifyEvent (trigger Delta) and does not let energy flow. Unplugging clears the problem.
 */
import type { Block201, Context201 } from './context.js';
import type { Evse } from './evse.js';
import { v } from '../device-model-data.js';

export const connectorLock: Block201 = {
  name: 'availability-connector-lock',
  variables: [v({ component: 'ConnectorPlugRetentionLock', variable: 'Problem', dataType: 'boolean', mutability: 'ReadOnly', value: 'false' })],
  defects: [
    { name: 'lock-failure-not-reported', description: 'a connector lock that cannot close is not reported: no NotifyEvent ConnectorPlugRetentionLock.Problem' },
    { name: 'lock-failure-starts-charging', description: 'lets energy flow although the connector lock could not close (cable in halfway)' },
  ],
  create: (ctx) => {
    const lock = new ConnectorLock(ctx);
    return { actions: { plugInHalfway: async (_p, { evse, connectorId }) => (await lock.plugInHalfway(evse, connectorId), { done: true }) } };
  },
};

/** How often the lock watcher looks at the EVSE (the authorization arrives through another block). */
const watchEveryMs = 20;

class ConnectorLock {
  /** Stops the watchers when the power goes (a reboot, the simulator stopping). */
  private power = new AbortController();

  constructor(private readonly ctx: Context201) {
    ctx.core.bus.on('powerOff', () => {
      this.power.abort();
      this.power = new AbortController();
    });
  }

  async plugInHalfway(evse: Evse, connectorId: number): Promise<void> {
    const { core, evses } = this.ctx;
    const o = evse.outlet;
    o.evSide = true;
    o.stationSide = true;
    o.pluggedConnectorId = connectorId;
    // No power path without the lock: the EVSE holds the energy back (modelled as the EV not drawing).
    if (!core.has('lock-failure-starts-charging')) o.evSuspended = true;
    await evses.reportStatuses(evse, false);
    void this.watch(evse, connectorId);
  }

  /** Until the cable is out: report the problem once the session is authorized, clear it when unplugged. */
  private async watch(evse: Evse, connectorId: number): Promise<void> {
    const { core } = this.ctx;
    const power = this.power.signal;
    let reported = false;
    while (evse.outlet.evSide || evse.outlet.stationSide) {
      if (!reported && evse.authorized !== undefined) {
        reported = true;
        if (!core.has('lock-failure-not-reported')) await this.problem(evse, connectorId, true);
      }
      if (!(await core.sleep(watchEveryMs, power))) return;
    }
    evse.outlet.evSuspended = false;
    if (reported && !core.has('lock-failure-not-reported')) await this.problem(evse, connectorId, false);
  }

  private async problem(evse: Evse, connectorId: number, on: boolean): Promise<void> {
    const { core, deviceModel } = this.ctx;
    deviceModel.setInternal({ name: 'ConnectorPlugRetentionLock' }, { name: 'Problem' }, String(on));
    const now = core.nowIso();
    await core.send('NotifyEvent', {
      generatedAt: now,
      seqNo: 0,
      eventData: [
        {
          eventId: Math.floor(Math.random() * 1_000_000),
          timestamp: now,
          trigger: 'Delta',
          actualValue: String(on),
          eventNotificationType: 'HardWiredNotification',
          component: { name: 'ConnectorPlugRetentionLock', evse: { id: evse.outlet.id, connectorId } },
          variable: { name: 'Problem' },
        },
      ],
    });
  }
}
