/**
 * The connection data of the network profile cases (Part 2 B09/B10, Part 6 TC_B_43…50_CS) from the
 * run's configured values: Part 6 "<Configured ocppCsmsUrl>", "<Configured ocppInterface>",
 * "<Configured messageTimeout>", "<Configured securityProfile>". The URL and interface come from
 * the config file's `extra` (`ocppCsmsUrl`, `ocppInterface`), since only the user knows how the
 * station reaches the harness.
 *
 * The migration cases (TC_B_45…50_CS) move the station to the harness's second endpoint
 * (<Configured connectionData2>, `networkProfiles` in the config file): steps 1-6 are the same in
 * all of them (`migrate`), then each looks at where the station connects (`nextConnection`).
 */
import { certificateHashData, type JournalEntry, type JsonObject, type SecondEndpoint, type TestContext } from '../../../../src/engine/authoring.js';
import { getVariables } from '../_shared/expect.js';
import { journalEnd, obj, str, waitFor, waitQuiet } from '../_shared/journal.js';
import { expectAllConnectors, rebootWithinMs } from './boot.js';

export function connectionData(ctx: TestContext): JsonObject {
  const extra = ctx.config.extra;
  return {
    ocppVersion: 'OCPP20',
    ocppTransport: 'JSON',
    ocppCsmsUrl: typeof extra['ocppCsmsUrl'] === 'string' ? extra['ocppCsmsUrl'] : 'ws://localhost:8180/ocpp',
    messageTimeout: Math.max(1, Math.round(ctx.config.messageTimeoutMs / 1000)),
    securityProfile: ctx.config.securityProfile,
    ocppInterface: typeof extra['ocppInterface'] === 'string' ? extra['ocppInterface'] : 'Wired0',
  };
}

/** <Configured connectionData2>: the second endpoint as the station is told it. */
export function connectionData2(ctx: TestContext, second: SecondEndpoint): JsonObject {
  const d = ctx.config.networkProfiles.connectionData2;
  return {
    ocppVersion: 'OCPP20',
    ocppTransport: 'JSON',
    ocppCsmsUrl: second.ocppCsmsUrl,
    messageTimeout: d.messageTimeoutS ?? Math.max(1, Math.round(ctx.config.messageTimeoutMs / 1000)),
    securityProfile: second.securityProfile,
    ocppInterface: d.ocppInterface,
  };
}

const priorityRef = { component: 'OCPPCommCtrlr', variable: 'NetworkConfigurationPriority' };

/** Which step numbers of the document a case validates for steps 2, 4 and 6 (the others still need the answer to go on). */
export interface MigrationSteps {
  profile?: { step: number };
  priority?: { step: number };
  reset?: { step: number };
}

export interface Migration {
  /** The slot the station used (first of NetworkConfigurationPriority) and the one it was given. */
  inUse: number;
  slot: number;
  /** NetworkConfigurationPriority before the case, for the way back. */
  priorityBefore: string;
  /** Journal index after the Reset (or the point the station rebooted by itself). */
  from: number;
}

/**
 * Steps 1-6: SetNetworkProfile with connectionData2 for the configured slot not in use, the new
 * slot first in NetworkConfigurationPriority, then Reset OnIdle when the station asks for a
 * reboot (RebootRequired) or does not reboot by itself. An answer the case does not validate but
 * needs (the migration is its precondition) makes it inconclusive instead.
 */
export async function migrate(ctx: TestContext, second: SecondEndpoint, steps: MigrationSteps): Promise<Migration> {
  const [priorityBefore] = await getVariables(ctx, [priorityRef]);
  if (priorityBefore === undefined || priorityBefore === '') ctx.inconclusive('the station did not report OCPPCommCtrlr.NetworkConfigurationPriority: the slot in use is not known');
  const inUse = Number(priorityBefore.split(',')[0]?.trim());
  const { configurationSlot, configurationSlot2 } = ctx.config.networkProfiles;
  const slot = inUse === configurationSlot ? configurationSlot2 : configurationSlot;
  const expectOrGiveUp = (what: string, ok: boolean, detail: { expected: string; actual: unknown }, validated: { step: number } | undefined): void => {
    if (validated) ctx.check(what, ok, { ...detail, step: validated.step });
    else if (!ok) ctx.inconclusive(`${what}: expected ${detail.expected}, got ${String(detail.actual)}; the migration this case starts from could not be set up`);
  };
  await ctx.step(`Steps 1-2: SetNetworkProfile for configurationSlot ${slot} with connectionData2 (${second.ocppCsmsUrl})`, async () => {
    const out = await ctx.call('SetNetworkProfile', { configurationSlot: slot, connectionData: connectionData2(ctx, second) });
    const status = out.status === 'result' ? out.payload['status'] : out.status;
    expectOrGiveUp('SetNetworkProfileResponse status', status === 'Accepted', { expected: 'Accepted', actual: status ?? 'absent' }, steps.profile);
  });
  let rebootAsked = false;
  await ctx.step(`Steps 3-4: NetworkConfigurationPriority "${slot},${inUse}" (the new slot first)`, async () => {
    const out = await ctx.call('SetVariables', { setVariableData: [{ attributeValue: `${slot},${inUse}`, component: { name: priorityRef.component }, variable: { name: priorityRef.variable } }] });
    const results = out.status === 'result' && Array.isArray(out.payload['setVariableResult']) ? (out.payload['setVariableResult'] as unknown[]).map(obj) : [];
    const status = str(results[0]?.['attributeStatus']) ?? (out.status === 'result' ? 'no result' : out.status);
    rebootAsked = status === 'RebootRequired';
    expectOrGiveUp('setVariableResult[0].attributeStatus', status === 'Accepted' || rebootAsked, { expected: 'Accepted or RebootRequired', actual: status }, steps.priority);
  });
  const from = journalEnd(ctx);
  await ctx.step('Steps 5-6: Reset OnIdle (when the station asked for a reboot or does not reboot by itself)', async () => {
    // Part 6 note at step 5: only when step 4 said RebootRequired, or the station does not reboot by itself.
    if (!rebootAsked && (await droppedWithin(ctx, from, ctx.config.messageTimeoutMs))) return;
    const out = await ctx.call('Reset', { type: 'OnIdle' });
    const status = out.status === 'result' ? out.payload['status'] : out.status;
    expectOrGiveUp('ResetResponse status', status === 'Accepted', { expected: 'Accepted', actual: status ?? 'absent' }, steps.reset);
  });
  return { inUse, slot, priorityBefore, from };
}

/** Whether the station's connection closed (it rebooted by itself) within `withinMs` after journal index `from`. */
async function droppedWithin(ctx: TestContext, from: number, withinMs: number): Promise<boolean> {
  const until = ctx.clock.monoMs() + withinMs;
  for (;;) {
    if (ctx.journal().some((e) => e.index >= from && e.kind === 'disconnected')) return true;
    if (ctx.clock.monoMs() >= until) return false;
    await ctx.sleep(50);
  }
}

type ConnectionEntry = Extract<JournalEntry, { kind: 'connected' | 'refused' }>;

/** One connection attempt of the station since a journal index: where it went and whether it got in. */
export interface Attempt {
  at: 'primary' | 'second';
  accepted: boolean;
  entry: ConnectionEntry;
}

export function attemptsSince(ctx: TestContext, second: SecondEndpoint, from: number): Attempt[] {
  const ids = second.connectionIds();
  return ctx
    .journal()
    .filter((e): e is ConnectionEntry => e.index >= from && (e.kind === 'connected' || e.kind === 'refused'))
    .map((entry) => ({ at: ids.has(entry.connectionId) ? 'second' : 'primary', accepted: entry.kind === 'connected', entry }));
}

/** The first accepted connection after `from` (wherever it came in), or undefined by the deadline. */
export async function nextConnection(ctx: TestContext, second: SecondEndpoint, from: number, withinMs: number, accept: (a: Attempt, all: Attempt[]) => boolean = (a) => a.accepted): Promise<Attempt | undefined> {
  const until = ctx.clock.monoMs() + withinMs;
  for (;;) {
    const all = attemptsSince(ctx, second, from);
    const hit = all.find((a) => accept(a, all));
    if (hit) return hit;
    if (ctx.clock.monoMs() >= until) return undefined;
    await ctx.sleep(25);
  }
}

/** The connect deadline of a migration: a reboot plus every attempt the station makes on the way. */
export const migrationWithinMs = (ctx: TestContext): number => rebootWithinMs(ctx) + ctx.config.connectTimeoutMs;

/**
 * Reusable state Booted on the connection that just opened (Part 6 §2.18, after step 7 / 9 / 10 /
 * 13 of the migration cases): BootNotification, every connector Available, a security event.
 */
export async function bootedOn(ctx: TestContext, connected: Attempt, where: string): Promise<void> {
  await ctx.step(`Reusable state Booted on the ${where}`, async () => {
    const boot = await ctx.expectCall('BootNotification', { from: connected.entry.index, withinMs: ctx.config.messageTimeoutMs });
    await expectAllConnectors(ctx, boot.index);
    const security = await ctx.expectCall('SecurityEventNotification', { from: boot.index, describe: 'a SecurityEventNotification after the boot' });
    ctx.check('SecurityEventNotification type', ['StartupOfTheDevice', 'ResetOrReboot'].includes(String(security.payload['type'])), {
      expected: 'StartupOfTheDevice or ResetOrReboot',
      actual: security.payload['type'],
      ...(security.frameSeq === undefined ? {} : { frames: [security.frameSeq] }),
    });
  });
}

/**
 * Not an official step: a station left on the second endpoint goes back to the primary one before
 * the endpoint closes with the case (the old priority, a reboot), so the next case finds it where
 * the run expects it. No verdict; the §2.1 restore puts the variables back.
 */
export async function migrateBack(ctx: TestContext, second: SecondEndpoint, migration: Migration | undefined): Promise<void> {
  if (migration === undefined || !second.holdsPeer() || ctx.signal.aborted) return;
  // After a failed check the case's verdict stands: nothing here may replace it.
  await ctx.step('After: back to the primary endpoint (not an official step)', async () => {
    const out = await ctx.call('SetVariables', { setVariableData: [{ attributeValue: migration.priorityBefore, component: { name: priorityRef.component }, variable: { name: priorityRef.variable } }] });
    if (out.status !== 'result') return;
    const from = journalEnd(ctx);
    if (!(await droppedWithin(ctx, from, 300))) await ctx.call('Reset', { type: 'OnIdle' });
    const back = await nextConnection(ctx, second, from, migrationWithinMs(ctx), (a) => a.accepted && a.at === 'primary');
    if (back) {
      await waitFor(ctx, back.entry.index, ctx.config.messageTimeoutMs, (e) => e.action === 'BootNotification');
      await waitQuiet(ctx, 300, ctx.config.messageTimeoutMs);
    }
  }).catch(() => undefined);
}

/**
 * Not an official step: DeleteCertificate for the CSMS root a case installed (its memory state
 * CertificateInstalled), once the station is back at the primary endpoint. No verdict.
 */
export async function removeInstalledRoot(ctx: TestContext, pem: string | undefined): Promise<void> {
  if (pem === undefined || ctx.signal.aborted) return;
  await ctx.step('After: delete the CSMS root the case installed (not an official step)', async () => {
    await ctx.call('DeleteCertificate', { certificateHashData: { ...certificateHashData(pem) } });
  }).catch(() => undefined);
}
