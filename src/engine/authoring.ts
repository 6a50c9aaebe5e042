/**
 * The authoring API: everything a test case or a reusable state under `testcases/` may import.
 * The catalogue is content, not engine (DESIGN.md "Top level"), so it sees the harness only
 * through this module; lint forbids `testcases/**` every other import from `src/`. A name that
 * a case needs from a lower layer (a frame payload type, a way to refuse a CALL) is re-exported
 * here, so the engine stays free to reorganise the layers beneath it.
 */
export { defineTestCase } from './define.js';
export type { CertificationEntry, TestCase, TestCaseDefinition } from './define.js';
export type { PicsCondition } from './pics-condition.js';
export { defineStates } from './states.js';
export type { ReusableState, StateModule } from './states.js';
export type { CheckRecord, ExpectCallOptions, ExpectSpec, ObservedCall, PayloadMatch, TestContext, TimingCheck, TimingPoint } from './context-types.js';
export type { JournalEntry } from './journal.js';
export type { DialOutcome, RawAnswer, RawFrame, RawFrames, RawSent } from './raw.js';
export { describeAnswer, framesOf } from './raw.js';
export type { ConfiguredValues, IdTokenValue } from './configured-values.js';
export type { SecondEndpoint } from './second-endpoint.js';
export type { ReceivedFile, ServeOptions, TransferAttempt, TransferProtocol, TransferService, UploadOptions } from './transfer.js';
/** The file client the simulated stations use too (http(s) and ftp), for cases in which the harness plays the station. */
export { download as downloadFile, upload as uploadFile, type TransferOutcome } from '../transport/transfer/client.js';
/** How the harness, as CSMS, answers an idToken when a case overrides the default answer. */
export { tokenStatus } from './roles/csms-defaults.js';
export { formatDuration, outcomeWords } from './outcome-words.js';

/** A JSON object payload as it travels in a CALL / CALLRESULT (OCPP-J §4). */
export type { JsonObject } from '../protocol/frames.js';
/** RFC 3339 date-time check with the OCPP profile (the same one the format layer uses). */
export { checkDateTime } from '../protocol/formats.js';
/** RFC 6960 OCSP messages, for a case that plays the OCSP responder of a contract certificate (Part 2 C07). */
export { certificateParts, decodeOcspRequest, encodeOcspError, encodeOcspResponse, publicKeyBits, sameCertId, type OcspCertId, type OcspCertStatus } from '../protocol/ocsp.js';
/** A small DER writer (X.690), for a case that builds the certificate it presents (TC_C_52_CSMS). */
export { contextTag, der, integerFromHex, oid, seq, tags } from '../protocol/der.js';
/** Signed meter values (OCMF): sign a reading as a simulated meter, verify what a station signed. */
export { createMeterSigningKey, parsePublicKey, signMeterReading, verifySignedMeterValue } from '../protocol/signed-meter-value.js';
/** CertificateHashDataType of a PEM certificate (issuerNameHash, issuerKeyHash, serialNumber; SHA256). */
export { certificateHashData, hashAlgorithmOf, sameCertificate } from '../protocol/certificate-hash-data.js';
export type { CertificateHashData, HashAlgorithm } from '../protocol/certificate-hash-data.js';
/** The `pki` service as `ctx.pki` offers it: make / read / sign CSRs, check certificate chains. */
export { splitPemChain } from '../protocol/pki.js';
export type { ChainVerification, CsrInfo, CsrParse, CsrRequest, KeyAndCsr, Pki, PkiCertificateKind, PkiSubject, SignedCertificate, SigningFault, SignOptions, VerifyOptions } from '../protocol/pki.js';

/**
 * The DUT's endpoint as `ctx.peer()` returns it, and a DUT CALL as `ctx.respond` handlers get it.
 * A handler may throw `NoReply` to leave a CALL unanswered (OCTT "does not respond") or an
 * `InternalRpcError` to answer it with CALLERROR InternalError (OCPP-J §4.3).
 */
export type { CallHandler, CallOutcome, InboundCall, OcppEndpoint } from '../session/endpoint.js';
export { InternalRpcError, NoReply, NotSupportedError } from '../session/rpc-error.js';
/** The composite-schedule engine (smart charging, both versions) and its checker for a DUT's GetCompositeSchedule answer. */
export * as chargingSchedule from '../protocol/smart-charging/index.js';
