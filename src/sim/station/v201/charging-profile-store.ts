/**
 * Block K's profile store (Part 2 K01, K09, K10): the installed charging profiles as the CSMS
 * sent them (raw JSON, reported back unchanged) with the EVSE they were set on (0 = the station)
 * and the engine's reading of them. The block keeps one store for the station's life, so profiles
 * survive a reboot (K01.FR.27) unless a defect drops them.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { profileFromJson, type Profile } from '../../../protocol/smart-charging/index.js';

export interface StoredProfile {
  readonly evseId: number;
  readonly raw: JsonObject;
  readonly profile: Profile;
  /** Where the limit comes from (ChargingLimitSourceEnumType): CSO for profiles the CSMS set. */
  readonly source: string;
  /** The transaction a TxProfile belongs to (K01.FR.03). */
  readonly transactionId?: string;
}

export interface ProfileCriteria {
  readonly evseId?: number;
  readonly ids?: readonly number[];
  readonly purpose?: string;
  readonly stackLevel?: number;
  readonly sources?: readonly string[];
}

export class ChargingProfileStore {
  private items: StoredProfile[] = [];

  all(): readonly StoredProfile[] {
    return this.items;
  }

  /** Install (a profile with the same id anywhere is replaced: K01.FR.05). */
  put(evseId: number, raw: JsonObject, source = 'CSO', transactionId?: string): StoredProfile | undefined {
    const profile = profileFromJson(raw, evseId);
    if (!profile) return undefined;
    const stored: StoredProfile = { evseId, raw, profile, source, ...(transactionId === undefined ? {} : { transactionId }) };
    this.items = [...this.items.filter((s) => s.profile.id !== profile.id), stored];
    return stored;
  }

  /** Add without replacing (the keeps-replaced-profile defect). */
  add(evseId: number, raw: JsonObject): void {
    const profile = profileFromJson(raw, evseId);
    if (profile) this.items = [...this.items, { evseId, raw, profile, source: 'CSO' }];
  }

  find(c: ProfileCriteria): StoredProfile[] {
    return this.items.filter(
      (s) =>
        (c.evseId === undefined || s.evseId === c.evseId) &&
        (c.ids === undefined || c.ids.length === 0 || c.ids.includes(s.profile.id)) &&
        (c.purpose === undefined || String(s.raw['chargingProfilePurpose']) === c.purpose) &&
        (c.stackLevel === undefined || s.profile.stackLevel === c.stackLevel) &&
        (c.sources === undefined || c.sources.length === 0 || c.sources.includes(s.source)),
    );
  }

  /** Remove what matches; the number removed. */
  remove(match: (s: StoredProfile) => boolean): number {
    const before = this.items.length;
    this.items = this.items.filter((s) => !match(s));
    return before - this.items.length;
  }

  clear(): void {
    this.items = [];
  }
}
