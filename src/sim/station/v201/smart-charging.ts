/**
 * Block K, smart charging (Part 2 K01 SetChargingProfile, K08 GetCompositeSchedule, K09
 * GetChargingProfiles / ReportChargingProfiles, K10 ClearChargingProfile): a profile store per
 * EVSE (0 = the station) that outlives a reboot, TxProfiles bound to the EVSE's ongoing
 * transaction, the supported rate units of SmartChargingCtrlr.RateUnit, and the composite
 * schedule from the shared engine (src/protocol/smart-charging). customData in a profile is
 * carried and reported back, not judged.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { v } from '../device-model-data.js';
import { ChargingProfileStore, type StoredProfile } from './charging-profile-store.js';
import type { Block201, Context201 } from './context.js';
import { activeTx } from './evse.js';
import { compositeFor } from './smart-charging-composite.js';
import { smartChargingDefects } from './smart-charging-defects.js';

const ctrlr = 'SmartChargingCtrlr';
const obj = (x: unknown): JsonObject | undefined => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as JsonObject) : undefined);
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

export const smartCharging: Block201 = {
  name: 'smart-charging',
  variables: [
    v({ component: ctrlr, variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: ctrlr, variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
    v({ component: ctrlr, variable: 'Entries', variableInstance: 'ChargingProfiles', dataType: 'integer', mutability: 'ReadOnly', value: '0' }),
    v({ component: ctrlr, variable: 'LimitChangeSignificance', dataType: 'decimal', mutability: 'ReadWrite', value: '10', unit: 'Percent' }),
    v({ component: ctrlr, variable: 'PeriodsPerSchedule', dataType: 'integer', mutability: 'ReadOnly', value: '24' }),
    v({ component: ctrlr, variable: 'ProfileStackLevel', dataType: 'integer', mutability: 'ReadOnly', value: '8' }),
    v({ component: ctrlr, variable: 'RateUnit', dataType: 'MemberList', mutability: 'ReadOnly', value: 'A,W', valuesList: ['A', 'W'] }),
    v({ component: ctrlr, variable: 'ExternalControlSignalsEnabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: ctrlr, variable: 'NotifyChargingLimitWithSchedules', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: ctrlr, variable: 'Phases3to1', dataType: 'boolean', mutability: 'ReadOnly', value: 'false' }),
  ],
  defects: smartChargingDefects,
  create: (ctx) => {
    const store = new ChargingProfileStore();
    /** Profiles a ClearChargingProfile removed that the clear-keeps-limit defect still applies. */
    const ghosts: StoredProfile[] = [];
    /** Start (s) of each transaction this block saw begin, and the TxDefaultProfiles set after it. */
    const txStarts = new Map<string, { startS: number; later: Set<number> }>();
    const nowS = (): number => ctx.core.clock.wallMs() / 1000;
    const entries = (): void => ctx.deviceModel.setInternal({ name: ctrlr }, { name: 'Entries', instance: 'ChargingProfiles' }, String(store.all().length));
    ctx.core.interceptQueue((m) => {
      if (m.txId !== undefined && !txStarts.has(m.txId)) txStarts.set(m.txId, { startS: nowS(), later: new Set() });
      return m;
    });
    ctx.core.bus.on('powerDown', () => {
      if (!ctx.core.has('profiles-lost-on-reboot')) return;
      store.clear();
      entries();
    });
    const enabled = (): boolean => ctx.deviceModel.bool(ctrlr, 'Enabled');
    return {
      handlers: {
        SetChargingProfile: (call) => {
          const status = setProfile(ctx, store, txStarts, call.payload);
          entries();
          return { status };
        },
        ClearChargingProfile: (call) => {
          const before = store.all();
          const status = clearProfiles(ctx, store, call.payload);
          if (ctx.core.has('clear-keeps-limit')) ghosts.push(...before.filter((s) => !store.all().includes(s)));
          entries();
          return { status };
        },
        GetChargingProfiles: (call) => {
          const found = enabled() ? getProfiles(ctx, store, call.payload) : [];
          if (found.length === 0) return { status: 'NoProfiles' };
          const requestId = num(call.payload['requestId']) ?? 0;
          if (!ctx.core.has('no-report-charging-profiles')) call.after(() => report(ctx, requestId, found));
          return { status: 'Accepted' };
        },
        GetCompositeSchedule: (call) => {
          const evseId = num(call.payload['evseId']) ?? -1;
          const known = evseId === 0 || ctx.evses.byId(evseId) !== undefined;
          if (!enabled() || (!known && !ctx.core.has('composite-unknown-evse-accepted'))) return { status: 'Rejected' };
          const units = ctx.deviceModel.list(ctrlr, 'RateUnit');
          const asked = call.payload['chargingRateUnit'];
          if (asked !== undefined && (typeof asked !== 'string' || !units.includes(asked))) return { status: 'Rejected' };
          const unit = asked === 'W' || (asked === undefined && units[0] === 'W') ? 'W' : 'A';
          const evse = evseId > 0 ? ctx.evses.byId(evseId) : undefined;
          const tx = evse ? activeTx(evse) : undefined;
          const started = tx ? txStarts.get(tx.id) : undefined;
          const schedule = compositeFor({
            stored: [...store.all(), ...ghosts],
            evseId,
            nowS: nowS(),
            durationS: num(call.payload['duration']) ?? 0,
            unit,
            ...(tx ? { tx: { id: tx.id, startS: started?.startS ?? nowS(), profilesSetAfterStart: started?.later ?? new Set<number>() } } : {}),
            has: (d) => ctx.core.has(d),
          });
          return { status: 'Accepted', schedule };
        },
      },
    };
  },
};

type TxStarts = Map<string, { startS: number; later: Set<number> }>;

function setProfile(ctx: Context201, store: ChargingProfileStore, txStarts: TxStarts, payload: JsonObject): 'Accepted' | 'Rejected' {
  const { core, deviceModel, evses } = ctx;
  const evseId = num(payload['evseId']);
  const raw = obj(payload['chargingProfile']);
  if (evseId === undefined || !raw) return 'Rejected';
  // K01.FR.28: an EVSE the station does not have.
  if (evseId !== 0 && !evses.byId(evseId) && !core.has('accepts-unknown-evse')) return 'Rejected';
  const purpose = raw['chargingProfilePurpose'];
  if (purpose === 'ChargingStationExternalConstraints') return 'Rejected';
  if (purpose === 'ChargingStationMaxProfile' && evseId !== 0) return 'Rejected';
  if (raw['chargingProfileKind'] === 'Recurring' && (core.has('rejects-recurring') || raw['recurrencyKind'] === undefined)) return 'Rejected';
  const schedules = Array.isArray(raw['chargingSchedule']) ? (raw['chargingSchedule'] as unknown[]) : [];
  const units = deviceModel.list(ctrlr, 'RateUnit');
  // K01.FR.26: a chargingRateUnit the station does not support.
  if (schedules.some((s) => !units.includes(String(obj(s)?.['chargingRateUnit'])))) return 'Rejected';
  if (schedules.some((s) => (Array.isArray(obj(s)?.['chargingSchedulePeriod']) ? (obj(s)?.['chargingSchedulePeriod'] as unknown[]).length : 0) > deviceModel.int(ctrlr, 'PeriodsPerSchedule'))) return 'Rejected';
  if ((num(raw['stackLevel']) ?? 0) > deviceModel.int(ctrlr, 'ProfileStackLevel')) return 'Rejected';
  let transactionId: string | undefined;
  if (purpose === 'TxProfile') {
    // K01.FR.16: never for evseId 0; K01.FR.09: only with an ongoing transaction; K01.FR.33: that one.
    if (evseId === 0 && !core.has('accepts-txprofile-on-evse-0')) return 'Rejected';
    if (evseId === 0) return store.put(0, raw, 'CSO', typeof raw['transactionId'] === 'string' ? raw['transactionId'] : undefined) ? 'Accepted' : 'Rejected';
    const evse = evseId > 0 ? evses.byId(evseId) : undefined;
    const tx = evse ? activeTx(evse) : undefined;
    if (!tx && !core.has('accepts-txprofile-without-tx')) return 'Rejected';
    const asked = raw['transactionId'];
    if (tx && asked !== undefined && asked !== tx.id && !core.has('ignores-transaction-id')) return 'Rejected';
    transactionId = typeof asked === 'string' ? asked : tx?.id;
  }
  // K01.FR.06: another profile with this purpose and stackLevel on this EVSE (a different id) is a conflict.
  const id = num(raw['id']);
  const clash = store.find({ evseId, purpose: String(purpose), stackLevel: num(raw['stackLevel']) ?? 0 }).some((s) => s.profile.id !== id && (purpose !== 'TxProfile' || s.transactionId === transactionId));
  if (clash) return 'Rejected';
  if (core.has('profile-not-stored')) return 'Accepted';
  if (core.has('keeps-replaced-profile') && id !== undefined && store.find({ ids: [id] }).length > 0) {
    store.add(evseId, raw);
    return 'Accepted';
  }
  const stored = store.put(evseId, raw, 'CSO', transactionId);
  if (!stored) return 'Rejected';
  if (purpose === 'TxDefaultProfile') for (const started of txStarts.values()) started.later.add(stored.profile.id);
  return 'Accepted';
}

function clearProfiles(ctx: Context201, store: ChargingProfileStore, payload: JsonObject): 'Accepted' | 'Unknown' {
  const { core } = ctx;
  const id = num(payload['chargingProfileId']);
  const criteria = obj(payload['chargingProfileCriteria']);
  let removed: number;
  if (id !== undefined) {
    removed = core.has('clear-by-id-unknown') ? 0 : store.remove((s) => s.profile.id === id);
  } else if (criteria) {
    const evseId = num(criteria['evseId']);
    const purpose = criteria['chargingProfilePurpose'];
    const stackLevel = num(criteria['stackLevel']);
    const matches = (s: StoredProfile): boolean =>
      s.source === 'CSO' && (evseId === undefined || s.evseId === evseId) && (purpose === undefined || s.raw['chargingProfilePurpose'] === purpose) && (stackLevel === undefined || s.profile.stackLevel === stackLevel);
    if (core.has('clear-criteria-unknown')) removed = 0;
    else if (core.has('clear-criteria-first-evse')) {
      const first = store.all().find(matches);
      removed = first ? store.remove((s) => s === first) : 0;
    } else removed = store.remove(matches);
  } else {
    // K10: no id and no criteria clears every profile the CSMS set.
    removed = store.remove((s) => s.source === 'CSO');
  }
  if (removed === 0 && core.has('clear-unknown-accepted')) return 'Accepted';
  return removed > 0 ? 'Accepted' : 'Unknown';
}

function getProfiles(ctx: Context201, store: ChargingProfileStore, payload: JsonObject): StoredProfile[] {
  const { core } = ctx;
  const c = obj(payload['chargingProfile']) ?? {};
  const evseId = core.has('get-profiles-ignores-evse') ? undefined : num(payload['evseId']);
  const ids = Array.isArray(c['chargingProfileId']) ? (c['chargingProfileId'] as unknown[]).flatMap((x) => (typeof x === 'number' ? [x] : [])) : undefined;
  const loose = core.has('get-profiles-ignores-criteria');
  const sources = Array.isArray(c['chargingLimitSource']) ? (c['chargingLimitSource'] as unknown[]).map(String) : undefined;
  const purpose = typeof c['chargingProfilePurpose'] === 'string' ? c['chargingProfilePurpose'] : undefined;
  const stackLevel = num(c['stackLevel']);
  return store.find({
    ...(evseId === undefined ? {} : { evseId }),
    ...(ids === undefined ? {} : { ids }),
    ...(loose || purpose === undefined ? {} : { purpose }),
    ...(loose || stackLevel === undefined ? {} : { stackLevel }),
    ...(loose || sources === undefined ? {} : { sources }),
  });
}

/** K09.FR.02: one ReportChargingProfiles per EVSE and source, tbc on all but the last. */
async function report(ctx: Context201, requestId: number, found: readonly StoredProfile[]): Promise<void> {
  const groups = new Map<string, StoredProfile[]>();
  for (const s of found) groups.set(`${s.evseId}/${s.source}`, [...(groups.get(`${s.evseId}/${s.source}`) ?? []), s]);
  const list = [...groups.values()];
  for (const [i, group] of list.entries()) {
    const first = group[0] as StoredProfile;
    await ctx.core.send('ReportChargingProfiles', { requestId, chargingLimitSource: first.source, evseId: first.evseId, chargingProfile: group.map((s) => s.raw), tbc: i < list.length - 1 });
  }
}
