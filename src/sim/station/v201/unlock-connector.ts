/**
 * Block F, UnlockConnector (Part 2 F05): part of the remote-control block module, split out to keep
 * files small. A connector with an ongoing authorized transaction stays locked (F05.FR.02); an
 * unknown EVSE/connector is UnknownConnector (F05.FR.03); otherwise the lock is released, and a
 * connector with no cable in has nothing to hold and reports Unlocked as well (F05.FR.04/06).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { DefectDecl } from '../../defect-registry.js';
import type { Context201 } from './context.js';

export const unlockDefects: readonly DefectDecl[] = [
  { name: 'unlock-fails', description: 'answers every UnlockConnector with UnlockFailed' },
  { name: 'unlocks-during-transaction', description: 'unlocks the connector of an ongoing authorized transaction (Unlocked instead of OngoingAuthorizedTransaction)' },
  { name: 'unlock-fails-without-cable', description: 'answers UnlockConnector with UnlockFailed when no cable is plugged in' },
  { name: 'unlock-unknown-connector-unlocked', description: 'answers UnlockConnector for a connector it does not have with Unlocked' },
];

export function unlockConnector(ctx: Context201, call: InboundCall): JsonObject {
  const { core, evses } = ctx;
  const evse = evses.byId(Number(call.payload['evseId']));
  const connectorId = Number(call.payload['connectorId']);
  if (!evse || !evse.outlet.connectorIds.includes(connectorId)) return { status: core.has('unlock-unknown-connector-unlocked') ? 'Unlocked' : 'UnknownConnector' };
  const tx = evse.tx && !evse.tx.ended ? evse.tx : undefined;
  if (tx && !core.has('unlocks-during-transaction')) return { status: 'OngoingAuthorizedTransaction' };
  if (core.has('unlock-fails')) return { status: 'UnlockFailed' };
  const cableIn = evse.outlet.pluggedConnectorId === connectorId && evse.outlet.stationSide;
  if (!cableIn && core.has('unlock-fails-without-cable')) return { status: 'UnlockFailed' };
  return { status: 'Unlocked' };
}
