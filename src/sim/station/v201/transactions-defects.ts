/**
 * The named defects and compliant quirks of block E (transactions.ts, tx-points.ts), kept apart
 * so the state machine stays readable. A defect makes the station wrong on purpose so a case can
 * prove it fails; a quirk is a different behaviour Part 2 / Part 6 allow (quirks.test.ts).
 */
import type { DefectDecl } from '../../defect-registry.js';

export const transactionDefects: readonly DefectDecl[] = [
  { name: 'skips-seqno', description: 'TransactionEvent seqNo jumps by 2 after the Started event' },
  { name: 'no-transaction-event-ended', description: 'never sends TransactionEvent Ended' },
  { name: 'wrong-stop-reason', description: 'reports the stop reason as Other instead of the real one' },
  { name: 'no-status-on-plug', description: 'sends no StatusNotification when the cable is plugged in or unplugged' },
  { name: 'ignores-ev-connection-timeout', description: 'keeps an authorization forever when the cable is not plugged in (EVConnectionTimeOut / ConnectionTimeOut ignored)' },
  { name: 'wrong-transaction-status', description: 'GetTransactionStatus reports an unknown transaction as ongoing' },
  { name: 'first-event-updated', description: 'the first TransactionEvent of a transaction says eventType Updated instead of Started' },
  { name: 'event-after-ended', description: 'sends one more TransactionEvent Updated after the Ended event of a transaction' },
  { name: 'reuses-transaction-id', description: 'starts a new transaction with the transactionId of the previous one' },
  { name: 'no-idtoken-after-authorize', description: 'leaves idToken out of the first TransactionEvent after the authorization' },
  { name: 'no-evse-after-plug-in', description: 'leaves evse out of the first TransactionEvent after the cable was plugged in' },
  { name: 'no-remote-start-trigger', description: 'the first TransactionEvent after an accepted RequestStartTransaction says its own trigger (CablePluggedIn, Authorized …) instead of RemoteStart, without remoteStartId' },
  { name: 'reboot-before-ended', description: 'on an immediate reset with a transaction ongoing, reboots first and sends the Ended event after the new BootNotification' },
  // Start and stop points (Part 2 E01 / E06, issue #19).
  { name: 'starts-at-authorized', description: 'starts the transaction at the authorization whatever TxStartPoint says (before the cable is in)' },
  { name: 'no-start-on-ev-connected', description: 'with TxStartPoint EVConnected, waits for the authorization before it starts the transaction' },
  { name: 'no-start-on-parking-bay', description: 'ignores the parking bay sensor: TxStartPoint ParkingBayOccupancy starts nothing when the EV drives in' },
  { name: 'energy-transfer-start-early', description: 'with TxStartPoint EnergyTransfer, starts the transaction when the power path closes (chargingState EVConnected) instead of when the energy flows' },
  { name: 'unsigned-start-value', description: 'with TxStartPoint DataSigned, starts the transaction without the signed Transaction.Begin meter value' },
  { name: 'stop-point-authorized-ignored', description: 'a stop authorization (local or RequestStopTransaction) never ends the transaction, whatever TxStopPoint says: only the cable does' },
  { name: 'ignores-energy-transfer-stop', description: 'with TxStopPoint EnergyTransfer, goes on with the transaction when the energy transfer stops' },
  { name: 'wrong-suspend-state', description: 'reports an EV that suspends the energy transfer as chargingState SuspendedEVSE (and goes on with the transaction)' },
  { name: 'ev-side-disconnect-not-ended', description: 'a cable pulled out at the EV side only suspends the transaction (Updated) although TxStopPoint contains EVConnected or PowerPathClosed' },
  { name: 'ignores-stop-tx-on-ev-side-disconnect', description: 'an EV-side disconnect does not deauthorize the transaction although StopTxOnEVSideDisconnect is true' },
  { name: 'stuck-after-connection-timeout', description: 'after an EVConnectionTimeOut expired, the EVSE starts no transaction any more (the next authorization and cable lead to nothing)' },
  { name: 'no-stop-on-parking-bay', description: 'with TxStopPoint ParkingBayOccupancy, the transaction goes on after the EV left the parking bay' },
];

export const transactionQuirks: readonly DefectDecl[] = [
  // Part 5 appendix A AQ-2 (TC_C_05_CS): a cable lock keeps the EV driver from connecting before authorization.
  { name: 'cable-lock', description: 'hardware variant: a cable lock that lets the cable in only after an authorization', pics: { 'AQ-2': true } },
  // Part 5 C-09.5 absent (TC_E_38_CS): a station that cannot start transactions at EnergyTransfer.
  { name: 'no-energy-transfer-start', description: 'variant whose TxStartPoint valuesList lacks EnergyTransfer (no transaction start at the energy transfer)', pics: { 'C-09.5': false } },
  // Part 6 §2.18 / Part 2 E01: the station may go straight to Charging; one event then carries both steps.
  { name: 'merged-transaction-events', description: 'reports chargingState Charging in the event that starts or authorizes the transaction (no separate ChargingStateChanged event)' },
  // Part 2 E06 / TxStopPoint Authorized: the stop authorization itself may end the transaction.
  { name: 'stop-authorized-ends', description: 'a local stop ends the transaction with one event: Ended, triggerReason StopAuthorized, stoppedReason Local' },
  // Part 6 reusable state StopAuthorized: step 1 (StopAuthorized) may come before the event of step 3.
  { name: 'stop-authorized-then-ended', description: 'with TxStopPoint Authorized, a local stop sends StopAuthorized (Updated) first and then Ended with triggerReason ChargingStateChanged' },
  // Part 6 §2.1: after (dis)connecting the cable, the status and the TransactionEvents "are allowed to be sent in any order".
  { name: 'status-after-transaction-event', description: 'reports the new connector status after the TransactionEvent the cable event caused' },
  // Part 2 TransactionEventRequest.evse is optional after the first event: a station may repeat it.
  { name: 'evse-in-every-event', description: 'repeats evse (id and connectorId) in every TransactionEvent, not only in the first one after the cable was plugged in' },
  // Part 2 TransactionEventRequest.meterValue is optional in every event: a station may always send the register.
  { name: 'meter-value-in-every-event', description: 'puts the energy register (Transaction.Begin / Other / Transaction.End) in every TransactionEvent' },
  // Part 6 §2.1: after StopAuthorized local, the Ended event's stoppedReason "must have value Local OR be omitted".
  { name: 'local-stop-reason-omitted', description: 'leaves stoppedReason out of the Ended event of a locally stopped transaction (Local is the default)' },
];
