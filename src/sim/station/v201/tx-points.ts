/**
 * Block E, the flexible transaction start and stop points (Part 2 E01 / E06, TxCtrlr.TxStartPoint
 * and TxStopPoint) as pure decisions over what an EVSE physically sees: which start point the
 * situation reaches and with which trigger the Started event goes out, and which stop point an
 * event (stop authorized, cable out, energy stopped, EV departed) reaches. transactions.ts acts on
 * them; the named defects that make these decisions wrong are listed there.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Evse } from './evse.js';

/** What the start and stop points look at. */
export interface Situation {
  parked: boolean;
  cable: boolean;
  authorized: boolean;
  /** The EV is willing to take energy (not SuspendedEV). */
  evWilling: boolean;
}

export function situationOf(evse: Evse): Situation {
  const o = evse.outlet;
  return { parked: o.parked, cable: o.cableConnected, authorized: evse.authorized !== undefined, evWilling: !o.evSuspended };
}

/** Part 2 E01: whether the situation reaches one TxStartPoint value. */
export function startPointReached(point: string, s: Situation): boolean {
  switch (point) {
    case 'ParkingBayOccupancy':
      return s.parked;
    case 'EVConnected':
      return s.cable;
    case 'Authorized':
      return s.authorized;
    case 'DataSigned':
    case 'PowerPathClosed':
      // E01.FR.04 / FR.05: signed meter data and a closed power path need the EV connected and authorized.
      return s.cable && s.authorized;
    case 'EnergyTransfer':
      // E01.FR.06: only when energy actually flows.
      return s.cable && s.authorized && s.evWilling;
    default:
      return false;
  }
}

export type StartKind = 'event' | 'signed' | 'energy';

/**
 * How the transaction starts when the situation reaches one of `points`: on the physical event
 * itself (its own trigger), on the signed meter data (E01 S4, triggerReason SignedDataReceived with a
 * signed Transaction.Begin value), or on the energy flow (E01 S6, ChargingStateChanged, Charging).
 * Undefined: no start point is reached.
 */
export function startKind(points: readonly string[], s: Situation): StartKind | undefined {
  const reached = points.filter((p) => startPointReached(p, s));
  if (reached.length === 0) return undefined;
  if (reached.some((p) => p !== 'DataSigned' && p !== 'EnergyTransfer')) return 'event';
  return reached.includes('DataSigned') ? 'signed' : 'energy';
}

/** Part 2 E06 S3 / S5 / S6: a stop authorization (local or remote) ends the transaction at once. */
export function stopAuthorizationEnds(stops: readonly string[], cable: boolean): boolean {
  return !cable || stops.some((p) => p === 'Authorized' || p === 'PowerPathClosed' || p === 'EnergyTransfer');
}

/**
 * Part 2 E06 S2 / S5 / S6 and E09: the cable came out (at the EV side at least). The transaction
 * ends when the EV connection, the power path or the energy transfer is a stop point, or when the
 * disconnect deauthorizes it (StopTxOnEVSideDisconnect) and Authorized is one. Otherwise it goes on
 * (E10 with StopTxOnEVSideDisconnect false; a ParkingBayOccupancy stop waits for the EV to leave).
 */
export function cableOutEnds(stops: readonly string[], stopTxOnEvSideDisconnect: boolean): boolean {
  if (stops.some((p) => p === 'EVConnected' || p === 'PowerPathClosed' || p === 'EnergyTransfer')) return true;
  return stops.includes('Authorized') && stopTxOnEvSideDisconnect;
}

/**
 * Part 2 E01 S4 / J: a signed Transaction.Begin meter value (SampledValue.signedMeterValue with its
 * four fields). The signature is not a real one: a CSMS need not verify it (Part 5 TC_E_11).
 */
export function signedBeginValue(timestamp: string, energyWh: number): JsonObject[] {
  const data = Buffer.from(JSON.stringify({ t: timestamp, e: energyWh })).toString('base64');
  return [
    {
      timestamp,
      sampledValue: [
        {
          value: energyWh,
          context: 'Transaction.Begin',
          measurand: 'Energy.Active.Import.Register',
          unitOfMeasure: { unit: 'Wh' },
          signedMeterValue: { signedMeterData: data, signingMethod: 'ECDSA-secp256r1-SHA256', encodingMethod: 'OCMF', publicKey: simPublicKey },
        },
      ],
    },
  ];
}

/** A fixed (made-up) base64 public key of the simulated meter. */
const simPublicKey = Buffer.from('ocpp-conform simulated meter public key').toString('base64');
