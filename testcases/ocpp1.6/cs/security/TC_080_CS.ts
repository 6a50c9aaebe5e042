/**
 * OCPP 1.6 TC_080_CS — Secure Firmware Update (OCTT 1.6 document §2.24.3; Security Whitepaper L01):
 * SignedUpdateFirmware with the configured signing certificate and signature is Accepted; the
 * charge point reports Downloading, Downloaded, SignatureVerified and Installing, then (in any
 * order, the document says so for steps 11 / 13 / 15 / 17) reboots with a BootNotification.req,
 * reports connector 0 and every connector Available and reports Installed. The optional
 * SecurityEventNotification FirmwareUpdated (step 13) is answered but not required.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootExpected, framesOf, status } from '../_shared/charge-point.js';
import { expectFirmwareStatus, firmwareStepTimeoutMs, requiredValue, signedUpdateFirmware } from './signed-firmware.js';

const anyOrder = 'OCTT 1.6 document TC_080_CS: "Step 11 / 13 / 15 / 17: The messages can be in a different order", and before installing the Charge Point MAY set its connectors Unavailable';

export default defineTestCase({
  id: 'TC_080_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Security',
  title: 'Secure Firmware Update',
  useCases: ['L01 Secure Firmware Update'],
  requirements: ['OCPP 1.6 Security Whitepaper L01.FR.01', 'OCPP 1.6 Security Whitepaper L01.FR.04', 'OCPP 1.6 Security Whitepaper L01.FR.05'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { all: [{ item: 'FP-FirmwareManagement' }, { item: 'SEC-SignedFirmwareUpdate' }] },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'SignedUpdateFirmware.conf status Accepted' },
    { step: 3, checks: 'the next SignedFirmwareStatusNotification.req has status Downloading' },
    { step: 5, checks: 'the next SignedFirmwareStatusNotification.req has status Downloaded' },
    { step: 7, checks: 'the next SignedFirmwareStatusNotification.req has status SignatureVerified' },
    { step: 9, checks: 'the next SignedFirmwareStatusNotification.req has status Installing' },
    { step: 11, checks: 'a BootNotification.req after Installing (steps 11 / 13 / 15 / 17 in any order)' },
    { step: 15, checks: 'StatusNotification.req Available for connector 0 and every connector after Installing' },
    { step: 17, checks: 'SignedFirmwareStatusNotification.req status Installed after Installing' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_080_CS step 1 validates an own message of the Central System (SignedUpdateFirmware.req firmware.location the configured firmware location); the harness sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 14, reason: 'OCTT 1.6 document TC_080_CS step 14 validates an own message of the Central System (BootNotification.conf status Accepted); the harness answers the reboot\'s BootNotification.req Accepted: there is nothing of the charge point to judge in it' },
  ],
  detects: ['signed-firmware-no-installed'],
  async run(ctx) {
    const signature = requiredValue(ctx, 'firmwareSignature', 'The firmware signature (\'Signature\' test data field)');
    await ctx.step('Steps 1-2: SignedUpdateFirmware.req with the configured signature: Accepted', async () => {
      await signedUpdateFirmware(ctx, signature);
    });
    await ctx.step('Steps 3-4: SignedFirmwareStatusNotification.req Downloading', async () => void (await expectFirmwareStatus(ctx, 'Downloading', 3)));
    await ctx.step('Steps 5-6: SignedFirmwareStatusNotification.req Downloaded', async () => void (await expectFirmwareStatus(ctx, 'Downloaded', 5)));
    await ctx.step('Steps 7-8: SignedFirmwareStatusNotification.req SignatureVerified', async () => void (await expectFirmwareStatus(ctx, 'SignatureVerified', 7)));
    bootExpected(ctx, true);
    const installing = await ctx.step('Steps 9-10: SignedFirmwareStatusNotification.req Installing', () => expectFirmwareStatus(ctx, 'Installing', 9));
    await ctx.step('Steps 11-18: BootNotification.req, StatusNotification.req Available on every connector and connector 0, SignedFirmwareStatusNotification.req Installed (any order)', async () => {
      const specs = [
        { action: 'BootNotification', describe: 'the reboot after the installation' },
        { action: 'SignedFirmwareStatusNotification', match: { status: 'Installed' }, describe: 'status Installed' },
        { action: 'StatusNotification', match: status(0, 'Available'), describe: 'connectorId 0 Available' },
        ...Array.from({ length: ctx.config.numberOfEvses }, (_, i) => ({ action: 'StatusNotification', match: status(i + 1, 'Available') })),
      ];
      const found = await ctx.expectAll(specs, { withinMs: firmwareStepTimeoutMs(ctx) + ctx.config.connectTimeoutMs, anyOrder, step: 15 });
      bootExpected(ctx, false);
      const [boot, installed] = found;
      ctx.check('BootNotification.req sent after Installing', boot !== undefined && boot.index > installing.index, { expected: 'a BootNotification.req after Installing', actual: boot === undefined ? 'none' : 'sent', frames: framesOf(boot), step: 11 });
      ctx.check('SignedFirmwareStatusNotification.req status Installed after Installing', installed?.payload['status'] === 'Installed', { expected: 'status Installed', actual: `status ${JSON.stringify(installed?.payload['status'] ?? 'absent')}`, frames: framesOf(installed), step: 17 });
    });
  },
});
