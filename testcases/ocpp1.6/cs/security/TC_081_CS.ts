/**
 * OCPP 1.6 TC_081_CS — Secure Firmware Update - Invalid Signature (OCTT 1.6 document §2.24.3;
 * Security Whitepaper L01.FR.03 / .04): SignedUpdateFirmware with the configured signing
 * certificate and an invalid signature is Accepted; the charge point reports Downloading,
 * Downloaded and then InvalidSignature (it checks the signature over the downloaded image).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectFirmwareStatus, requiredValue, signedUpdateFirmware } from './signed-firmware.js';

export default defineTestCase({
  id: 'TC_081_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Security',
  title: 'Secure Firmware Update - Invalid Signature',
  useCases: ['L01 Secure Firmware Update'],
  requirements: ['OCPP 1.6 Security Whitepaper L01.FR.03', 'OCPP 1.6 Security Whitepaper L01.FR.04'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { all: [{ item: 'FP-FirmwareManagement' }, { item: 'SEC-SignedFirmwareUpdate' }] },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'SignedUpdateFirmware.conf status Accepted' },
    { step: 3, checks: 'the next SignedFirmwareStatusNotification.req has status Downloading' },
    { step: 5, checks: 'the next SignedFirmwareStatusNotification.req has status Downloaded' },
    { step: 7, checks: 'the next SignedFirmwareStatusNotification.req has status InvalidSignature' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_081_CS step 1 validates an own message of the Central System (SignedUpdateFirmware.req firmware.location the configured firmware location, firmware.signature an invalid signature); the harness sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['firmware-ignores-invalid-signature'],
  async run(ctx) {
    const invalid = requiredValue(ctx, 'firmwareInvalidSignature', 'An invalid firmware signature');
    await ctx.step('Steps 1-2: SignedUpdateFirmware.req with an invalid signature: Accepted', async () => {
      await signedUpdateFirmware(ctx, invalid);
    });
    await ctx.step('Steps 3-4: SignedFirmwareStatusNotification.req Downloading', async () => void (await expectFirmwareStatus(ctx, 'Downloading', 3)));
    await ctx.step('Steps 5-6: SignedFirmwareStatusNotification.req Downloaded', async () => void (await expectFirmwareStatus(ctx, 'Downloaded', 5)));
    await ctx.step('Steps 7-8: SignedFirmwareStatusNotification.req InvalidSignature', async () => void (await expectFirmwareStatus(ctx, 'InvalidSignature', 7)));
  },
});
