/**
 * The block context of the 1.6 charge point: the station core, the configuration keys, the
 * connector model, and the typed interfaces through which one profile module reaches behaviour
 * another one owns. A module imports only this file's types, never another module.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { AuthStatus, TokenInfo } from '../auth.js';
import type { ConfigKeys, ConfigKeySpec } from '../config-keys.js';
import type { BlockModule, StationContext } from '../core/block.js';
import type { Connector, ConnectorModel, Tx16 } from './connector.js';

/** Core profile, transactions (1.6 §4.8 / §4.10 StartTransaction, StopTransaction). */
export interface Transactions16Api {
  startTx(c: Connector): void;
  /** `idTag`: the idTag that stopped it, when not the one that started it (1.6 §3.5.3 same parentIdTag). */
  stopTx(c: Connector, reason: string, idTag?: string): void;
  /** ConnectionTimeOut: the cable must be plugged in this long after authorization. */
  startConnectionTimer(c: Connector): void;
  updateFlow(c: Connector): void;
}

/** Core profile, authorization (1.6 §3.5, §4.1 Authorize). */
export interface Authorization16Api {
  authorize(idTag: string): Promise<TokenInfo>;
  /** IdTagInfo → TokenInfo. */
  tagInfo(raw: unknown): TokenInfo;
  remember(idTag: string, info: TokenInfo): void;
  /** A starts-tx-for-* defect makes the charge point go on with a token of this status. */
  goesOnWith(status: AuthStatus): boolean;
}

/** Core profile, meter values (1.6 §4.7). */
export interface MeterValues16Api {
  meterValue(c: Connector, measurands: readonly string[], context: string): JsonObject[];
  /** (Re)start the MeterValueSampleInterval timer of the connector's transaction. */
  restartMeter(c: Connector): void;
}

export interface Services16 {
  transactions: Transactions16Api;
  authorization: Authorization16Api;
  meterValues: MeterValues16Api;
}

export interface Context16 extends Readonly<Services16> {
  readonly core: StationContext;
  readonly config: ConfigKeys;
  readonly connectors: ConnectorModel;
}

/** A 1.6 module: its profile's behaviour, and the configuration keys of that profile (1.6 chapter 9). */
export type Block16 = BlockModule<Context16, Connector, Services16> & { readonly configKeys?: (connectors: number) => ConfigKeySpec[] };
export type { Tx16 };
