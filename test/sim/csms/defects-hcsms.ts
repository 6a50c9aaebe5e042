/**
 * Wire tests of the 2.0.1 CSMS defects of block H (reservation) behind TC_H_08/14/15/19/20/22_CSMS:
 * each scenario runs against the compliant simulator and against the one with the defect
 * (defects.test.ts runs them).
 */
import type { CsmsSimulator } from '../../../src/sim/csms/index.js';
import type { CallOutcome } from '../../../src/session/endpoint.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

const valid = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };
const group = { idToken: 'GROUP-01', type: 'Central' };

/** The fields of the ReserveNow the station received for these trigger params. */
async function reserveNow(sim: CsmsSimulator, url: string, params: Record<string, unknown>): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  await sim.perform('triggerReserveNow', { reservationId: 7, idToken: valid, expiryDateTime: '2030-01-01T00:00:00.000Z', ...params });
  // From the wire, not callsIn(): the test station refuses a schema-invalid CALL before handling it.
  const last = station.frames().filter(([dir, f]) => dir === 'in' && f[0] === 2).at(-1)?.[1];
  if (!last) return 'nothing sent';
  const p = (last[3] ?? {}) as Record<string, unknown>;
  return { action: last[2], id: p['id'], evseId: p['evseId'], connectorType: p['connectorType'], groupIdToken: p['groupIdToken'] };
}

const summary = (o: CallOutcome): unknown => (o.status === 'result' ? o.payload : o.status === 'error' ? o.errorCode : o.status);

async function statusUpdate(url: string, reservationUpdateStatus: string): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  return summary(await station.call('ReservationStatusUpdate', { reservationId: 7, reservationUpdateStatus }));
}

const sent = (o: { id?: unknown; evseId?: unknown; connectorType?: unknown; groupIdToken?: unknown }): unknown => ({ action: 'ReserveNow', id: 7, evseId: undefined, connectorType: undefined, groupIdToken: undefined, ...o });

export const hcsmsCases: BlockDefectCase[] = [
  {
    defect: 'reserve-now-unspecified-names-evse',
    version: '2.0.1',
    observe: (sim, url) => reserveNow(sim, url, {}),
    expected: [sent({}), sent({ evseId: 1 })],
  },
  {
    defect: 'reserve-now-without-connector-type',
    version: '2.0.1',
    observe: (sim, url) => reserveNow(sim, url, { connectorType: 'cType2' }),
    expected: [sent({ connectorType: 'cType2' }), sent({})],
  },
  {
    defect: 'reserve-now-without-group-id-token',
    version: '2.0.1',
    observe: (sim, url) => reserveNow(sim, url, { evseId: 1, groupIdToken: group }),
    expected: [sent({ evseId: 1, groupIdToken: group }), sent({ evseId: 1 })],
  },
  {
    defect: 'reserve-now-id-as-string',
    version: '2.0.1',
    observe: (sim, url) => reserveNow(sim, url, { evseId: 1 }),
    expected: [sent({ evseId: 1 }), sent({ id: '7', evseId: 1 })],
  },
  {
    defect: 'reservation-removed-error',
    version: '2.0.1',
    observe: async (_sim, url) => [await statusUpdate(url, 'Expired'), await statusUpdate(url, 'Removed')],
    expected: [
      [{}, {}],
      [{}, 'PropertyConstraintViolation'],
    ],
  },
];
