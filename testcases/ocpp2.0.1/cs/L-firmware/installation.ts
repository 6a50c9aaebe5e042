/**
 * The end of a successful secure firmware update as Part 6 TC_L_01/02/03/10_CS describe it, after
 * SignatureVerified (or InstallScheduled): connectors Unavailable (optional), optional reboots
 * before installation / activation, Installing (unless the station rebooted before installing),
 * connectors Available again (only when set Unavailable), Installed and a SecurityEventNotification
 * FirmwareUpdated; the last ones in any order (Part 6 note "… can be send in a different order").
 */
import type { JournalEntry, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { stepTimeoutMs } from './firmware.js';

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

/** The official step numbers of the tail in one case. */
export interface InstallationSteps {
  unavailable: number;
  installing: number;
  available: number;
  installed: number;
  event: number;
}

/** The validations of the tail, for a case's `validations`. */
export function installationValidations(s: InstallationSteps): Array<{ step: number; checks: string }> {
  return [
    { step: s.unavailable, checks: 'connectors set Unavailable (StatusNotification or NotifyEvent AvailabilityState), an optional step' },
    { step: s.installing, checks: 'FirmwareStatusNotificationRequest status Installing, unless the station rebooted before installing' },
    { step: s.available, checks: 'connectors reported Available again, when they were set Unavailable' },
    { step: s.installed, checks: 'FirmwareStatusNotificationRequest status Installed' },
    { step: s.event, checks: 'SecurityEventNotificationRequest type FirmwareUpdated' },
  ];
}

export async function expectInstallation(ctx: TestContext, after: ObservedCall, s: InstallationSteps, caseId: string): Promise<void> {
  const [installed, event] = await ctx.step(`Steps ${s.unavailable}-${s.event + 1}: installation (optional reboots), Installed and the FirmwareUpdated security event`, () =>
    ctx.expectAll(
      [
        { action: 'FirmwareStatusNotification', match: { status: 'Installed' } },
        { action: 'SecurityEventNotification', match: { type: 'FirmwareUpdated' } },
      ],
      { withinMs: stepTimeoutMs(ctx), anyOrder: `Part 6 ${caseId}: the last steps "can be send in a different order", and Installing / optional reboots come before`, step: s.installed },
    ),
  );
  await ctx.step(`Checks over steps ${s.unavailable}-${s.event}`, () => {
    if (!installed || !event) return Promise.resolve();
    ctx.check('SecurityEventNotificationRequest type is FirmwareUpdated', event.payload['type'] === 'FirmwareUpdated', { expected: 'type FirmwareUpdated', actual: `type ${String(event.payload['type'])}`, frames: event.frameSeq === undefined ? [] : [event.frameSeq], step: s.event });
    const between = callsIn(ctx, after.index + 1).filter((e) => e.index < installed.index);
    const installing = between.filter((e) => e.action === 'FirmwareStatusNotification' && e.payload['status'] === 'Installing');
    const boots = between.filter((e) => e.action === 'BootNotification');
    const firstInstalling = installing[0];
    const bootedBeforeInstalling = boots.length > 0 && (firstInstalling === undefined || boots[0]!.index < firstInstalling.index);
    ctx.check(
      'FirmwareStatusNotificationRequest Installing before Installed (not needed when the station rebooted before installing)',
      installing.length > 0 || bootedBeforeInstalling,
      { expected: 'status Installing, or a reboot (BootNotification) before installation', actual: installing.length > 0 ? 'Installing reported' : boots.length > 0 ? 'rebooted, no Installing' : 'neither Installing nor a reboot', frames: seqs([...installing, ...boots]), step: s.installing },
    );
    const reports = callsIn(ctx, after.index + 1).filter((e) => availability(e) !== undefined);
    const unavailable = reports.filter((e) => availability(e) === 'Unavailable');
    ctx.check('Connectors set Unavailable before installing: optional', true, { expected: 'Unavailable reports, or none', actual: unavailable.length > 0 ? `${unavailable.length} Unavailable report(s)` : 'none (the station kept its connectors available)', frames: seqs(unavailable), step: s.unavailable });
    const lastUnavailable = unavailable.at(-1);
    const availableAfter = lastUnavailable === undefined ? [] : reports.filter((e) => e.index > lastUnavailable.index && availability(e) === 'Available');
    ctx.check(
      'Connectors reported Available again after being set Unavailable',
      lastUnavailable === undefined || availableAfter.length > 0,
      { expected: lastUnavailable === undefined ? 'nothing (no connector was set Unavailable)' : 'Available after the Unavailable reports', actual: lastUnavailable === undefined ? 'no Unavailable report' : availableAfter.length > 0 ? 'Available reported' : 'no Available report by the end', frames: seqs([...unavailable, ...availableAfter]), step: s.available },
    );
    return Promise.resolve();
  });
}
