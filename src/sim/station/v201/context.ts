/**
 * The block context of the 2.0.1 station (libocpp `FunctionalBlockContext`): the station core,
 * the device model, the EVSE model, and the typed interfaces through which one block reaches
 * behaviour another block owns. A block module imports only this file's types, never another
 * block's module.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { AuthStatus, TokenInfo } from '../auth.js';
import type { BlockModule, StationContext } from '../core/block.js';
import type { VariableSpec } from '../device-model-data.js';
import type { DeviceModel } from '../device-model.js';
import type { Evse, EvseModel, EvseTarget, IdToken } from './evse.js';

/** Block E (transactions): the TransactionEvent state machine. */
export interface TransactionsApi {
  /** Build (now, so seqNo and offline are those of the event) and queue one TransactionEvent. */
  txEvent(evse: Evse, eventType: 'Started' | 'Updated' | 'Ended', trigger: string, extra?: { idToken?: IdToken; stoppedReason?: string; meterValue?: JsonObject[]; force?: boolean }): void;
  endTx(evse: Evse, trigger: string, stoppedReason: string, idToken?: IdToken): void;
  /** Energy flows when the cable is in, the session authorized, the EV willing and the EVSE usable. */
  updateFlow(evse: Evse): void;
  /** An idToken (local or remote start) authorized this EVSE: start or update the transaction. */
  authorizeEvse(evse: Evse, auth: NonNullable<Evse['authorized']>, trigger: 'Authorized' | 'RemoteStart'): void;
  /** Stop authorized by a presented idToken (Part 6 reusable state StopAuthorized). */
  stopAuthorized(evse: Evse, idToken: IdToken, reason?: string): void;
  /** RequestStopTransaction accepted (Part 2 F03). */
  remoteStop(evse: Evse): void;
}

/** Block C (authorization): is this idToken allowed? */
export interface AuthorizationApi {
  /** Part 2 C01/C12/C13/C15: local list, cache, Authorize, offline rules. */
  authorize(idToken: IdToken): Promise<TokenInfo>;
  /** Into the Authorization Cache when it is enabled. */
  remember(idToken: string, info: TokenInfo): void;
  /** A starts-tx-for-* defect makes the station go on with a token of this status. */
  goesOnWith(status: AuthStatus): boolean;
  /** TxCtrlr.StopTxOnInvalidId as block C applies it: end (true) or suspend the transaction of a token found invalid. */
  stopsOnInvalidId(): boolean;
  /** MaxEnergyOnInvalidId > 0 (StopTxOnInvalidId false): the energy goes on up to that limit; block C then deauthorizes. */
  keepsChargingOnInvalid(evse: Evse): boolean;
}

/** Block C (authorization cache, auth-cache.ts): idTokenInfo the CSMS returned, kept for later use (C10–C12). */
export interface AuthCacheApi {
  /** The cached idTokenInfo while the cache is enabled and the entry has not outlived AuthCacheCtrlr.LifeTime (a hit counts as a use). */
  lookup(idToken: string): TokenInfo | undefined;
  /** Store the idTokenInfo of an AuthorizeResponse (C10.FR.04) or a TransactionEventResponse (C10.FR.05). */
  remember(idToken: string, info: TokenInfo, source: 'Authorize' | 'TransactionEvent'): void;
  /** The entry as stored (no lifetime rule, not counted as a use): what block N reports as customer information (N09). */
  peek(idToken: string): TokenInfo | undefined;
  /** Remove one idToken's entry (block N clearing customer information, N10); true when there was one. */
  forget(idToken: string): boolean;
}

/** Block J (meter values): sampled values of an EVSE. */
export interface MeterValuesApi {
  sampled(evse: Evse, measurands: readonly string[], context: string): JsonObject[];
  /** (Re)start the TxUpdatedInterval timer of the EVSE's transaction. */
  restartMeter(evse: Evse): void;
  /** The meterValue a TransactionEvent carries (Transaction.Begin when it first reports the EVSE, the TxEnded values in Ended), if any. */
  eventValues?(evse: Evse, eventType: 'Started' | 'Updated' | 'Ended', reportsEvse: boolean): JsonObject[] | undefined;
}

/** Block N (diagnostics, log-status.ts): the log upload a GetLog started. */
export interface LogStatusApi {
  /** What a triggered LogStatusNotification says now: Uploading with the requestId while an upload runs, else Idle (Part 2 F06.FR.14/15). */
  triggeredStatus(): JsonObject;
}

/** Block L (firmware, firmware-status.ts): the firmware update an UpdateFirmware started. */
export interface FirmwareStatusApi {
  /** What a triggered FirmwareStatusNotification says now: the ongoing update's status and requestId, else Idle (Part 2 F06.FR.16, L01.FR.25/26). */
  triggeredStatus(): JsonObject;
}

/** Installed certificates (InstallCertificate, kept by iso15118-authorization.ts until block M has its module). */
export interface CertificatesApi {
  /** PEM of every installed certificate of this certificateType, oldest first. */
  installed(certificateType: string): string[];
}

/** Block A (certificate-signing.ts): a triggered SignChargingStationCertificate / SignV2GCertificate (A02/A03 with F06). */
export interface CertificateSigningApi {
  /** The TriggerMessage answer; when Accepted the SignCertificate follows the response. */
  trigger(certificateType: 'ChargingStationCertificate' | 'V2GCertificate', call: InboundCall): JsonObject;
}

/** Block H (reservation, reservation-book.ts): whom a reserved EVSE lets in (H03). */
export interface ReservationsApi {
  /** Whether a reservation on this EVSE (or an unspecified one needing it) keeps this idToken / groupId out (H03.FR.01/08). */
  refuses(evse: Evse, idToken: IdToken, groupId?: string): boolean;
  /** The idToken authorized on the EVSE: a reservation for it (or its group) is used up (H03). */
  used(evse: Evse, idToken: IdToken, groupId?: string): void;
}

export interface Services201 {
  certificates: CertificatesApi;
  certificateSigning: CertificateSigningApi;
  transactions: TransactionsApi;
  authorization: AuthorizationApi;
  authCache: AuthCacheApi;
  meterValues: MeterValuesApi;
  logStatus: LogStatusApi;
  firmwareStatus: FirmwareStatusApi;
  reservations: ReservationsApi;
}

export interface Context201 extends Readonly<Services201> {
  readonly core: StationContext;
  readonly deviceModel: DeviceModel;
  readonly evses: EvseModel;
}

/** A 2.0.1 block: its module, and the device-model variables of its controller component(s). */
export type Block201 = BlockModule<Context201, EvseTarget, Services201> & { readonly variables?: readonly VariableSpec[] };
