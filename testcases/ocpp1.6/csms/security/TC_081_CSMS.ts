/**
 * OCPP 1.6 TC_081_CSMS — Secure Firmware Update - Invalid Signature (OCTT 1.6 document §3.21.3;
 * Security Whitepaper L01): the operator makes the Central System send SignedUpdateFirmware with the
 * firmware download URL of the test data (`extra.firmwareLocation`) and an invalid signature
 * (`extra.firmwareInvalidSignature`), signed by `extra.firmwareSigningCertificate`. The harness, as
 * Charge Point, accepts and reports Downloading, Downloaded and InvalidSignature; the Central System
 * must confirm each. Without configured values the harness hands the Central System placeholders
 * it only has to pass on (nothing is downloaded).
 */
import { defineTestCase, type JsonObject, type TestContext } from '../../../../src/engine/authoring.js';
import { checkReply, request, triggeredCall } from '../_shared/charge-point.js';

const text = (ctx: TestContext, name: string, fallback: string): string => {
  const v = ctx.config.extra[name];
  return typeof v === 'string' && v.trim() !== '' ? v : fallback;
};

export default defineTestCase({
  id: 'TC_081_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Security',
  title: 'Secure Firmware Update - Invalid Signature',
  useCases: ['L01 Secure Firmware Update'],
  requirements: ['OCPP 1.6 Security Whitepaper L01.FR.03', 'OCPP 1.6 Security Whitepaper L01.FR.04'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { all: [{ item: 'FP-FirmwareManagement' }, { item: 'SEC-SignedFirmwareUpdate' }] },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'SignedUpdateFirmware.req firmware.location the configured firmware download URL, firmware.signature the configured invalid signature' },
    { step: 3, checks: 'the harness sends SignedFirmwareStatusNotification.req Downloading; the Central System answers it' },
    { step: 5, checks: 'the harness sends SignedFirmwareStatusNotification.req Downloaded; the Central System answers it' },
    { step: 7, checks: 'the harness sends SignedFirmwareStatusNotification.req InvalidSignature; the Central System answers it' },
  ],
  detects: ['signed-update-firmware-wrong-location'],
  async run(ctx) {
    const location = text(ctx, 'firmwareLocation', 'https://127.0.0.1/ocpp-conform/firmware.bin');
    const signature = text(ctx, 'firmwareInvalidSignature', Buffer.from('ocpp-conform: not a signature of the firmware').toString('base64'));
    const signingCertificate = text(ctx, 'firmwareSigningCertificate', '-----BEGIN CERTIFICATE-----\nb2NwcC1jb25mb3JtIHBsYWNlaG9sZGVy\n-----END CERTIFICATE-----\n');
    let requestId: number | undefined;
    await ctx.step('Steps 1-2: the Central System sends SignedUpdateFirmware.req with the invalid signature; the harness accepts', async () => {
      const got = await triggeredCall(ctx, { action: 'SignedUpdateFirmware', trigger: 'triggerSignedUpdateFirmware', params: { location, signature, signingCertificate }, step: 1, answer: () => ({ status: 'Accepted' }) });
      const fw = got.payload['firmware'];
      const firmware = fw !== null && typeof fw === 'object' && !Array.isArray(fw) ? (fw as JsonObject) : {};
      ctx.check('SignedUpdateFirmware.req firmware.location is the configured firmware download URL', firmware['location'] === location, { expected: location, actual: firmware['location'] ?? 'absent', frames: got.frames, step: 1 });
      ctx.check('SignedUpdateFirmware.req firmware.signature is the configured invalid signature', firmware['signature'] === signature, { expected: 'the configured invalid signature', actual: firmware['signature'] === signature ? 'the configured one' : JSON.stringify(firmware['signature'] ?? 'absent'), frames: got.frames, step: 1 });
      checkReply(ctx, 'SignedUpdateFirmware', got.reply, 'Accepted', got.frames, 1);
      requestId = typeof got.payload['requestId'] === 'number' ? got.payload['requestId'] : undefined;
    });
    const withId = requestId === undefined ? {} : { requestId };
    for (const [status, step] of [['Downloading', 3], ['Downloaded', 5], ['InvalidSignature', 7]] as const) {
      await ctx.step(`Steps ${step}-${step + 1}: SignedFirmwareStatusNotification.req ${status} is confirmed`, async () => {
        await request(ctx, 'SignedFirmwareStatusNotification', { status, ...withId }, { step, describe: `the Central System answers SignedFirmwareStatusNotification.req ${status} with a SignedFirmwareStatusNotification.conf` });
      });
    }
  },
});
