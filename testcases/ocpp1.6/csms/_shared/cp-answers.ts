/**
 * The answers the harness's OCPP 1.6 Charge Point gives to the Central System's requests, each
 * computed from the request and the Charge Point's state as a compliant Charge Point would. A case
 * checks the answer the document expects against the one given: when they differ, the Central
 * System's request made a compliant Charge Point answer otherwise.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { chargePoint, connectorIds, type ConfigurationKey16 } from './cp-model.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * GetConfiguration.conf (OCPP 1.6 §5.8): every key when the request lists none, else the keys
 * asked for, with unknown ones in unknownKey.
 */
export function getConfigurationAnswer(ctx: TestContext, payload: JsonObject): JsonObject {
  const config = chargePoint(ctx).configuration;
  const entry = ([key, k]: [string, ConfigurationKey16]): JsonObject => ({ key, readonly: k.readonly, value: k.value });
  const asked = Array.isArray(payload.key) ? payload.key.filter((k): k is string => typeof k === 'string') : [];
  if (asked.length === 0) return { configurationKey: [...config.entries()].map(entry) };
  const known = asked.filter((k) => config.has(k));
  const unknown = asked.filter((k) => !config.has(k));
  return {
    configurationKey: known.map((k) => entry([k, config.get(k) as ConfigurationKey16])),
    ...(unknown.length === 0 ? {} : { unknownKey: unknown }),
  };
}

/** Keys whose value is a count or a duration (OCPP 1.6 §9.1): a negative number is no value for them. */
const nonNegativeIntegerKeys = new Set(['ClockAlignedDataInterval', 'ConnectionTimeOut', 'HeartbeatInterval', 'MeterValueSampleInterval', 'ResetRetries', 'TransactionMessageAttempts', 'TransactionMessageRetryInterval']);

/**
 * ChangeConfiguration.conf (OCPP 1.6 §5.3): NotSupported for a key the Charge Point does not have,
 * Rejected for a read-only key or a value the key cannot take (an integer key given something
 * else, a negative interval), else Accepted (applied).
 */
export function changeConfigurationAnswer(ctx: TestContext, payload: JsonObject): JsonObject {
  const config = chargePoint(ctx).configuration;
  const key = text(payload.key) ?? '';
  const value = text(payload.value) ?? '';
  const current = config.get(key);
  if (current === undefined) return { status: 'NotSupported' };
  if (current.readonly) return { status: 'Rejected' };
  const integer = /^-?\d+$/;
  if (integer.test(current.value) && !integer.test(value)) return { status: 'Rejected' };
  if (nonNegativeIntegerKeys.has(key) && Number(value) < 0) return { status: 'Rejected' };
  config.set(key, { value, readonly: false });
  return { status: 'Accepted' };
}

/** How the connector's lock behaves (TC_017_1 / TC_018_1: it unlocks; TC_017_2: fixed cable; TC_030: the lock is stuck). */
export type ConnectorLock = 'unlocks' | 'fixedCable' | 'stuck';

/**
 * UnlockConnector.conf (OCPP 1.6 §5.18, §7.46 UnlockStatus): NotSupported for a connector the
 * Charge Point does not have (connectorId 0 is the Charge Point itself, no connector) or one with a
 * fixed cable, UnlockFailed when the lock does not open, else Unlocked.
 */
export function unlockConnectorAnswer(ctx: TestContext, payload: JsonObject, lock: ConnectorLock): JsonObject {
  const connectorId = payload.connectorId;
  if (typeof connectorId !== 'number' || !connectorIds(ctx).includes(connectorId)) return { status: 'NotSupported' };
  if (lock === 'fixedCable') return { status: 'NotSupported' };
  return { status: lock === 'stuck' ? 'UnlockFailed' : 'Unlocked' };
}

/**
 * RemoteStartTransaction.conf (OCPP 1.6 §5.11): Rejected for an empty idTag, a connector the
 * Charge Point does not have (0 included), one with a transaction, or a charging profile whose
 * purpose is not TxProfile; else Accepted.
 */
export function remoteStartAnswer(ctx: TestContext, payload: JsonObject): JsonObject {
  const idTag = text(payload.idTag) ?? '';
  const connectorId = payload.connectorId;
  const profile = payload.chargingProfile;
  const purpose = profile !== null && typeof profile === 'object' && !Array.isArray(profile) ? (profile as JsonObject).chargingProfilePurpose : undefined;
  const ok =
    idTag !== '' &&
    (connectorId === undefined || (typeof connectorId === 'number' && connectorIds(ctx).includes(connectorId))) &&
    chargePoint(ctx).transaction === undefined &&
    (profile === undefined || purpose === 'TxProfile');
  return { status: ok ? 'Accepted' : 'Rejected' };
}

/** RemoteStopTransaction.conf (OCPP 1.6 §5.12): Accepted only for the transaction the Charge Point has open. */
export function remoteStopAnswer(ctx: TestContext, payload: JsonObject): JsonObject {
  const tx = chargePoint(ctx).transaction;
  return { status: tx !== undefined && payload.transactionId === tx.transactionId ? 'Accepted' : 'Rejected' };
}
