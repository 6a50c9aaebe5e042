/**
 * Signed meter values (OCPP 2.0.1 Part 2 SignedMeterValueType, J01.FR.21 / J02.FR.21) in the
 * OCMF encoding (Open Charge Metering Format, S.A.F.E. e.V.): `OCMF|<payload JSON>|<signature JSON>`,
 * the signature an ECDSA secp256r1 / SHA-256 signature (DER, hex) over the payload text exactly as
 * sent. OCMF is what signing meters in the field emit, so the same verifier judges a real station
 * and our simulator. signedMeterData carries the OCMF text Base64-encoded (Part 2: "Base64
 * encoded"), publicKey the DER SubjectPublicKeyInfo, Base64-encoded.
 *
 * Pure: no I/O. The station simulator signs with it, the test cases verify with it.
 */
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { JsonObject } from './frames.js';

export const ocmfEncoding = 'OCMF';
export const ocmfSigningMethod = 'ECDSA-secp256r1-SHA256';

export interface MeterReading {
  /** RFC 3339 time of the reading. */
  timestamp: string;
  value: number;
  /** Unit of `value` (default Wh, Part 2 UnitOfMeasureType). */
  unit?: string;
  /** OCPP ReadingContextEnumType of the sampledValue (becomes OCMF TX: B begin, E end, T otherwise). */
  context?: string;
  transactionId?: string;
  meterSerial?: string;
}

export interface MeterSigningKey {
  privateKey: KeyObject;
  /** DER SubjectPublicKeyInfo, Base64: what goes into SignedMeterValueType.publicKey. */
  publicKeyBase64: string;
}

/** A fresh P-256 key for a simulated meter. */
export function createMeterSigningKey(): MeterSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey, publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
}

const txCode = (context: string | undefined): string => (context === 'Transaction.Begin' ? 'B' : context === 'Transaction.End' ? 'E' : 'T');

/** OCMF time: `YYYY-MM-DDThh:mm:ss,fff+0000 S` (S = synchronised clock). */
const ocmfTime = (iso: string): string => `${new Date(iso).toISOString().replace('.', ',').replace('Z', '+0000')} S`;

/** A SignedMeterValueType for one reading; `withPublicKey` false leaves publicKey "" (PublicKeyWithSignedMeterValue). */
export function signMeterReading(reading: MeterReading, key: MeterSigningKey, withPublicKey = true): JsonObject {
  const payload = JSON.stringify({
    FV: '1.0',
    GI: 'ocpp-conform',
    GS: reading.meterSerial ?? 'SIM-METER-1',
    PG: 'T1',
    MS: reading.meterSerial ?? 'SIM-METER-1',
    ...(reading.transactionId === undefined ? {} : { ID: reading.transactionId, IS: true }),
    RD: [{ TM: ocmfTime(reading.timestamp), TX: txCode(reading.context), RV: reading.value, RI: '1-b:1.8.0', RU: reading.unit ?? 'Wh', ST: 'G' }],
  });
  const signature = sign('sha256', Buffer.from(payload, 'utf8'), key.privateKey).toString('hex');
  const text = `OCMF|${payload}|${JSON.stringify({ SA: ocmfSigningMethod, SD: signature })}`;
  return { signedMeterData: Buffer.from(text, 'utf8').toString('base64'), signingMethod: ocmfSigningMethod, encodingMethod: ocmfEncoding, publicKey: withPublicKey ? key.publicKeyBase64 : '' };
}

/** A public key as a station may send it: Base64 DER SPKI, hex DER SPKI, or PEM; undefined when it is none of them. */
export function parsePublicKey(text: string): KeyObject | undefined {
  const attempts: Array<() => KeyObject> = [
    () => createPublicKey(text),
    () => createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' }),
    () => createPublicKey({ key: Buffer.from(text, 'hex'), format: 'der', type: 'spki' }),
    () => createPublicKey(Buffer.from(text, 'base64').toString('utf8')),
  ];
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

export type SignatureVerdict =
  | { status: 'verified'; detail: string }
  | { status: 'invalid'; detail: string }
  /** Not an encoding we can read, or no public key known: neither right nor wrong. */
  | { status: 'unverifiable'; detail: string };

const asWh = (value: number, unit: string | undefined): number | undefined => {
  const u = (unit ?? 'Wh').toLowerCase();
  return u === 'wh' ? value : u === 'kwh' ? value * 1000 : undefined;
};

/**
 * Verify one SignedMeterValueType: the OCMF signature over its payload with `publicKey` (the
 * value's own, or one the station sent earlier), and that the signed reading is the reported one
 * (`reported`, the sampledValue's value and unit).
 */
export function verifySignedMeterValue(signed: JsonObject, publicKey: string | undefined, reported?: { value: number; unit?: string }): SignatureVerdict {
  const data = typeof signed['signedMeterData'] === 'string' ? signed['signedMeterData'] : '';
  const encoding = typeof signed['encodingMethod'] === 'string' ? signed['encodingMethod'] : '';
  const decoded = Buffer.from(data, 'base64').toString('utf8');
  const text = decoded.startsWith('OCMF|') ? decoded : data.startsWith('OCMF|') ? data : undefined;
  if (text === undefined) return { status: 'unverifiable', detail: `encodingMethod ${encoding || '(empty)'}: signedMeterData is not OCMF, the harness cannot read it` };
  const last = text.lastIndexOf('|');
  const payload = text.slice(5, last);
  let sig: { SA?: unknown; SD?: unknown };
  let body: { RD?: Array<{ RV?: unknown; RU?: unknown }> };
  try {
    sig = JSON.parse(text.slice(last + 1)) as typeof sig;
    body = JSON.parse(payload) as typeof body;
  } catch {
    return { status: 'invalid', detail: 'OCMF text is not <payload JSON>|<signature JSON>' };
  }
  const sa = typeof sig.SA === 'string' ? sig.SA : ocmfSigningMethod;
  if (sa !== ocmfSigningMethod) return { status: 'unverifiable', detail: `OCMF signature algorithm ${sa} is not one the harness verifies` };
  if (typeof sig.SD !== 'string' || !/^[0-9a-fA-F]+$/.test(sig.SD)) return { status: 'invalid', detail: 'OCMF signature SD is not hex' };
  if (publicKey === undefined || publicKey === '') return { status: 'unverifiable', detail: 'no public key: the station sent none (PublicKeyWithSignedMeterValue) and none is configured' };
  const key = parsePublicKey(publicKey);
  if (key === undefined) return { status: 'invalid', detail: 'publicKey is not a public key (Base64 / hex DER SPKI or PEM)' };
  let good = false;
  try {
    good = verify('sha256', Buffer.from(payload, 'utf8'), key, Buffer.from(sig.SD, 'hex'));
  } catch {
    good = false;
  }
  if (!good) return { status: 'invalid', detail: 'the signature does not verify over the OCMF payload with the public key' };
  if (reported) {
    const rd = body.RD?.at(-1);
    const signedWh = typeof rd?.RV === 'number' ? asWh(rd.RV, typeof rd.RU === 'string' ? rd.RU : undefined) : undefined;
    const reportedWh = asWh(reported.value, reported.unit);
    if (signedWh !== undefined && reportedWh !== undefined && Math.abs(signedWh - reportedWh) > 0.5) return { status: 'invalid', detail: `the signed reading is ${signedWh} Wh, the sampledValue says ${reportedWh} Wh` };
  }
  return { status: 'verified', detail: 'OCMF signature verified; the signed reading is the reported value' };
}
