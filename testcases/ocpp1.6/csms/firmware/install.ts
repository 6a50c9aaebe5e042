/**
 * TC_044_1_CSMS / TC_044_3_CSMS share their steps: UpdateFirmware, Downloading, Downloaded, the
 * connectors Unavailable, Installing, a reboot (BootNotification), the connectors Available, and
 * the final status (Installed or InstallationFailed). Every status the harness reports must be
 * answered by the Central System.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { bootNotification, connectorIds, reboot, reportAllConnectors, statusNotification } from '../_shared/charge-point.js';
import { expectRequest, firmwareUrl, report, tryDownload } from './exchange.js';

export const installValidations = (final: string) => [
  { step: 3, checks: 'the harness sends FirmwareStatusNotification.req Downloading; the Central System answers it' },
  { step: 5, checks: 'the harness sends FirmwareStatusNotification.req Downloaded; the Central System answers it' },
  { step: 7, checks: 'the harness sends StatusNotification.req Unavailable for its connectors; the Central System answers them' },
  { step: 9, checks: 'the harness sends FirmwareStatusNotification.req Installing; the Central System answers it' },
  { step: 13, checks: 'after its reboot the harness sends StatusNotification.req Available for its connectors; the Central System answers them' },
  { step: 15, checks: `the harness sends FirmwareStatusNotification.req ${final}; the Central System answers it` },
];

export async function downloadAndInstall(ctx: TestContext, final: 'Installed' | 'InstallationFailed', locationStep?: number): Promise<void> {
  const url = await firmwareUrl(ctx);
  const { location, frames } = await ctx.step('1-2. The Central System sends UpdateFirmware.req; the harness answers UpdateFirmware.conf', async () => {
    const call = await expectRequest(ctx, 'UpdateFirmware', { location: url }, {}, locationStep);
    const got = call.payload['location'];
    if (locationStep !== undefined) ctx.check('UpdateFirmware.req location is the Firmware Download URL from test data', got === url, { expected: url, actual: typeof got === 'string' ? got : 'absent', frames: call.frames, step: locationStep });
    return { location: typeof got === 'string' ? got : url, frames: call.frames };
  });
  await ctx.step('3-4. FirmwareStatusNotification.req Downloading', () => report(ctx, 'FirmwareStatusNotification', 'Downloading', 3));
  const downloaded = await tryDownload(location);
  if (!downloaded && locationStep !== undefined) ctx.check('the firmware can be downloaded from the location of UpdateFirmware.req', false, { expected: 'a 2xx answer with the file', actual: `downloading ${location} failed`, frames, step: locationStep });
  await ctx.step('5-6. FirmwareStatusNotification.req Downloaded', () => report(ctx, 'FirmwareStatusNotification', 'Downloaded', 5));
  await ctx.step('7-8. StatusNotification.req Unavailable for every connector', async () => {
    for (const id of connectorIds(ctx)) await statusNotification(ctx, id, 'Unavailable', 'NoError', { step: 7 });
  });
  await ctx.step('9-10. FirmwareStatusNotification.req Installing', () => report(ctx, 'FirmwareStatusNotification', 'Installing', 9));
  await ctx.step('11-12. The harness reboots: BootNotification.req', async () => {
    await reboot(ctx, 'reboot after the firmware installation');
    await bootNotification(ctx);
  });
  await ctx.step('13-14. StatusNotification.req Available for the charge point and every connector', () => reportAllConnectors(ctx, { step: 13 }));
  await ctx.step(`15-16. FirmwareStatusNotification.req ${final}`, () => report(ctx, 'FirmwareStatusNotification', final, 15));
}
