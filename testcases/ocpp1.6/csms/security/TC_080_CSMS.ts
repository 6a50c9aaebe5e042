/**
 * OCPP 1.6 TC_080_CSMS — Secure Firmware Update (OCTT 1.6 document §3.21.3; Security Whitepaper
 * L01): the operator makes the Central System send SignedUpdateFirmware with the configured
 * firmware download URL, signing certificate and signature (`extra.firmwareLocation`,
 * `firmwareSigningCertificate`, `firmwareSignature`; placeholders it only has to pass on when not
 * configured). The harness, as Charge Point, accepts and plays a whole update: Downloading, its
 * connectors Unavailable, Downloaded, SignatureVerified, Installing, InstallRebooting, a reboot
 * (BootNotification), SecurityEventNotification FirmwareUpdated, its connectors Available and
 * Installed. The Central System must confirm every message and accept the boot.
 */
import { defineTestCase, type JsonObject, type TestContext } from '../../../../src/engine/authoring.js';
import { bootNotification, checkReply, connectorIds, reboot, reportAllConnectors, request, statusNotification, triggeredCall } from '../_shared/charge-point.js';

const text = (ctx: TestContext, name: string, fallback: string): string => {
  const v = ctx.config.extra[name];
  return typeof v === 'string' && v.trim() !== '' ? v : fallback;
};

export default defineTestCase({
  id: 'TC_080_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Security',
  title: 'Secure Firmware Update',
  useCases: ['L01 Secure Firmware Update'],
  requirements: ['OCPP 1.6 Security Whitepaper L01.FR.01', 'OCPP 1.6 Security Whitepaper L01.FR.05'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { all: [{ item: 'FP-FirmwareManagement' }, { item: 'SEC-SignedFirmwareUpdate' }] },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'SignedUpdateFirmware.req firmware.location, signature and signingCertificate are the configured ones' },
    { step: 3, checks: 'the harness sends SignedFirmwareStatusNotification.req Downloading; the Central System answers it' },
    { step: 5, checks: 'the harness sends SignedFirmwareStatusNotification.req Downloaded; the Central System answers it' },
    { step: 7, checks: 'the harness sends SignedFirmwareStatusNotification.req SignatureVerified; the Central System answers it' },
    { step: 9, checks: 'before it (after step 2) the harness reports its connectors Unavailable and the Central System answers each StatusNotification.req; then SignedFirmwareStatusNotification.req Installing is answered' },
    { step: 11, checks: 'the harness sends SignedFirmwareStatusNotification.req InstallRebooting; the Central System answers it' },
    { step: 13, checks: 'after the reboot the harness sends BootNotification.req; the Central System answers it Accepted (steps 13 / 15 / 17 / 19 may come in any order: the harness sends them in document order)' },
    { step: 15, checks: 'after the reboot the harness sends SecurityEventNotification.req FirmwareUpdated; the Central System answers it' },
    { step: 17, checks: 'the harness reports connector 0 and every connector Available; the Central System answers each' },
    { step: 19, checks: 'the harness sends SignedFirmwareStatusNotification.req Installed; the Central System answers it' },
  ],
  detects: ['signed-update-firmware-wrong-location'],
  async run(ctx) {
    const location = text(ctx, 'firmwareLocation', 'https://127.0.0.1/ocpp-conform/firmware.bin');
    const signature = text(ctx, 'firmwareSignature', Buffer.from('ocpp-conform: configured signature placeholder').toString('base64'));
    const signingCertificate = text(ctx, 'firmwareSigningCertificate', '-----BEGIN CERTIFICATE-----\nb2NwcC1jb25mb3JtIHBsYWNlaG9sZGVy\n-----END CERTIFICATE-----\n');
    let requestId: number | undefined;
    await ctx.step('Steps 1-2: the Central System sends SignedUpdateFirmware.req with the configured firmware; the harness accepts', async () => {
      const got = await triggeredCall(ctx, { action: 'SignedUpdateFirmware', trigger: 'triggerSignedUpdateFirmware', params: { location, signature, signingCertificate }, step: 1, answer: () => ({ status: 'Accepted' }) });
      const fw = got.payload['firmware'];
      const firmware = fw !== null && typeof fw === 'object' && !Array.isArray(fw) ? (fw as JsonObject) : {};
      ctx.check('SignedUpdateFirmware.req firmware.location is the configured firmware download URL', firmware['location'] === location, { expected: location, actual: firmware['location'] ?? 'absent', frames: got.frames, step: 1 });
      ctx.check('SignedUpdateFirmware.req firmware.signature is the configured signature', firmware['signature'] === signature, { expected: 'the configured signature', actual: firmware['signature'] === signature ? 'the configured one' : JSON.stringify(firmware['signature'] ?? 'absent'), frames: got.frames, step: 1 });
      const sameCertificate = typeof firmware['signingCertificate'] === 'string' && firmware['signingCertificate'].trim() === signingCertificate.trim();
      ctx.check('SignedUpdateFirmware.req firmware.signingCertificate is the configured signing certificate', sameCertificate, { expected: 'the configured signing certificate', actual: sameCertificate ? 'the configured one' : 'another or none', frames: got.frames, step: 1 });
      checkReply(ctx, 'SignedUpdateFirmware', got.reply, 'Accepted', got.frames, 1);
      requestId = typeof got.payload['requestId'] === 'number' ? got.payload['requestId'] : undefined;
    });
    const withId = requestId === undefined ? {} : { requestId };
    const firmwareStatus = (status: string, step: number): Promise<void> =>
      ctx.step(`Steps ${step}-${step + 1}: SignedFirmwareStatusNotification.req ${status} is confirmed`, async () => {
        await request(ctx, 'SignedFirmwareStatusNotification', { status, ...withId }, { step, describe: `the Central System answers SignedFirmwareStatusNotification.req ${status} with a SignedFirmwareStatusNotification.conf` });
      });
    await firmwareStatus('Downloading', 3);
    await ctx.step('After step 2, before step 9: StatusNotification.req Unavailable for every connector is confirmed', async () => {
      for (const id of connectorIds(ctx)) await statusNotification(ctx, id, 'Unavailable', 'NoError', { step: 9 });
    });
    await firmwareStatus('Downloaded', 5);
    await firmwareStatus('SignatureVerified', 7);
    await firmwareStatus('Installing', 9);
    await firmwareStatus('InstallRebooting', 11);
    await ctx.step('Steps 13-14: the harness reboots; BootNotification.req is Accepted', async () => {
      await reboot(ctx, 'the signed firmware is installed');
      await bootNotification(ctx, { step: 13 });
    });
    await ctx.step('Steps 15-16: SecurityEventNotification.req FirmwareUpdated is confirmed', async () => {
      await request(ctx, 'SecurityEventNotification', { type: 'FirmwareUpdated', timestamp: new Date(ctx.clock.wallMs()).toISOString(), techInfo: 'signed firmware installed' }, { step: 15, describe: 'the Central System answers SecurityEventNotification.req FirmwareUpdated with a SecurityEventNotification.conf' });
    });
    await ctx.step('Steps 17-18: StatusNotification.req Available for connector 0 and every connector is confirmed', () => reportAllConnectors(ctx, { step: 17 }));
    await firmwareStatus('Installed', 19);
  },
});
