/**
 * OCPP 2.0.1 Part 6 §2.13 (L Firmware Management), TC_L_01_CS — Secure Firmware Update,
 * Installation successful. UpdateFirmware (retrieve and install two hours ago, the configured
 * signing certificate and signature): Downloading, Downloaded, SignatureVerified; then, as the
 * station needs: connectors Unavailable (optional), a reboot before installation or activation
 * (optional reusable states), Installing (unless it rebooted before installing), connectors back
 * Available (only when it set them Unavailable), Installed and a SecurityEventNotification
 * FirmwareUpdated, the last ones in any order (Part 6 note "Step 16 through 21 can be send in a
 * different order"). Part 2 L01.FR.01/04/05/09/10/12/13/15/20/21/23.
 */
import type { JournalEntry, TestContext } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectStatus, firmwareLocation, hoursFromNow, required, stepTimeoutMs, updateFirmware } from './firmware.js';

type CallIn = Extract<JournalEntry, { kind: 'callIn' | 'callOut' | 'sendIn' }>;

const callsIn = (ctx: TestContext, from: number): CallIn[] => ctx.journal().filter((e): e is CallIn => e.kind === 'callIn' && e.index >= from);

/** A connector availability report: StatusNotification connectorStatus, or NotifyEvent Connector.AvailabilityState (Delta). */
function availability(e: CallIn): string | undefined {
  if (e.action === 'StatusNotification') return typeof e.payload['connectorStatus'] === 'string' ? e.payload['connectorStatus'] : undefined;
  if (e.action !== 'NotifyEvent' || !Array.isArray(e.payload['eventData'])) return undefined;
  for (const d of e.payload['eventData'] as Array<Record<string, unknown>>) {
    const component = d['component'] as Record<string, unknown> | undefined;
    const variable = d['variable'] as Record<string, unknown> | undefined;
    if (d['trigger'] === 'Delta' && component?.['name'] === 'Connector' && variable?.['name'] === 'AvailabilityState' && typeof d['actualValue'] === 'string') return d['actualValue'];
  }
  return undefined;
}

const seqs = (entries: readonly CallIn[]): number[] => entries.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq]));

export default defineTestCase({
  id: 'TC_L_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'L',
  title: 'Secure Firmware Update - Installation successful',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.04', 'L01.FR.05', 'L01.FR.09', 'L01.FR.10', 'L01.FR.12', 'L01.FR.13', 'L01.FR.15', 'L01.FR.20', 'L01.FR.21', 'L01.FR.23'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'UpdateFirmwareResponse status Accepted' },
    { step: 3, checks: 'FirmwareStatusNotificationRequest status Downloading' },
    { step: 5, checks: 'FirmwareStatusNotificationRequest status Downloaded' },
    { step: 7, checks: 'FirmwareStatusNotificationRequest status SignatureVerified' },
    { step: 9, checks: 'connectors set Unavailable (StatusNotification or NotifyEvent AvailabilityState), an optional step' },
    { step: 12, checks: 'FirmwareStatusNotificationRequest status Installing, unless the station rebooted before installing' },
    { step: 16, checks: 'connectors reported Available again, when they were set Unavailable' },
    { step: 18, checks: 'FirmwareStatusNotificationRequest status Installed' },
    { step: 20, checks: 'SecurityEventNotificationRequest type FirmwareUpdated' },
  ],
  detects: ['firmware-no-firmware-updated-event'],
  async run(ctx) {
    await ready(ctx);
    const signingCertificate = required(ctx, 'firmwareSigningCertificate', 'The firmware signing certificate');
    const signature = required(ctx, 'firmwareSignature', 'The firmware signature');
    const location = await firmwareLocation(ctx);
    await ctx.step('Steps 1-2: UpdateFirmware, retrieve and install two hours ago', () =>
      updateFirmware(ctx, { location, retrieveDateTime: hoursFromNow(ctx, -2), installDateTime: hoursFromNow(ctx, -2), signingCertificate, signature }, ['Accepted'], 2),
    );
    await ctx.step('Steps 3-4: Downloading', () => expectStatus(ctx, 'Downloading', 3));
    await ctx.step('Steps 5-6: Downloaded', () => expectStatus(ctx, 'Downloaded', 5));
    const verified = await ctx.step('Steps 7-8: SignatureVerified', () => expectStatus(ctx, 'SignatureVerified', 7));
    const [installed, event] = await ctx.step('Steps 9-21: installation (optional reboots), Installed and the FirmwareUpdated security event', () =>
      ctx.expectAll(
        [
          { action: 'FirmwareStatusNotification', match: { status: 'Installed' } },
          { action: 'SecurityEventNotification', match: { type: 'FirmwareUpdated' } },
        ],
        { withinMs: stepTimeoutMs(ctx), anyOrder: 'Part 6 TC_L_01_CS: "Step 16 through 21 can be send in a different order", and Installing / optional reboots come before', step: 18 },
      ),
    );
    await ctx.step('Checks over steps 9-20', () => {
      if (!installed || !event) return Promise.resolve();
      ctx.check('SecurityEventNotificationRequest type is FirmwareUpdated', event.payload['type'] === 'FirmwareUpdated', { expected: 'type FirmwareUpdated', actual: `type ${String(event.payload['type'])}`, frames: event.frameSeq === undefined ? [] : [event.frameSeq], step: 20 });
      const between = callsIn(ctx, verified.index + 1).filter((e) => e.index < installed.index);
      const installing = between.filter((e) => e.action === 'FirmwareStatusNotification' && e.payload['status'] === 'Installing');
      const boots = between.filter((e) => e.action === 'BootNotification');
      const firstInstalling = installing[0];
      const bootedBeforeInstalling = boots.length > 0 && (firstInstalling === undefined || boots[0]!.index < firstInstalling.index);
      ctx.check(
        'FirmwareStatusNotificationRequest Installing before Installed (not needed when the station rebooted before installing)',
        installing.length > 0 || bootedBeforeInstalling,
        { expected: 'status Installing, or a reboot (BootNotification) before installation', actual: installing.length > 0 ? 'Installing reported' : boots.length > 0 ? 'rebooted, no Installing' : 'neither Installing nor a reboot', frames: seqs([...installing, ...boots]), step: 12 },
      );
      const reports = callsIn(ctx, verified.index + 1).filter((e) => availability(e) !== undefined);
      const unavailable = reports.filter((e) => availability(e) === 'Unavailable');
      ctx.check('Connectors set Unavailable before installing: optional', true, { expected: 'Unavailable reports, or none', actual: unavailable.length > 0 ? `${unavailable.length} Unavailable report(s)` : 'none (the station kept its connectors available)', frames: seqs(unavailable), step: 9 });
      const lastUnavailable = unavailable.at(-1);
      const availableAfter = lastUnavailable === undefined ? [] : reports.filter((e) => e.index > lastUnavailable.index && availability(e) === 'Available');
      ctx.check(
        'Connectors reported Available again after being set Unavailable',
        lastUnavailable === undefined || availableAfter.length > 0,
        { expected: lastUnavailable === undefined ? 'nothing (no connector was set Unavailable)' : 'Available after the Unavailable reports', actual: lastUnavailable === undefined ? 'no Unavailable report' : availableAfter.length > 0 ? 'Available reported' : 'no Available report by the end', frames: seqs([...unavailable, ...availableAfter]), step: 16 },
      );
      return Promise.resolve();
    });
  },
});
