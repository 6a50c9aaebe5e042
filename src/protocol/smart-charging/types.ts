/**
 * The composite-schedule engine's own model of a charging profile, shared by OCPP 1.6 (§3.13,
 * ChargingProfile) and 2.0.1 (Part 2 K01/K08, ChargingProfileType). Times are seconds since the
 * epoch (fractions allowed), so the model is free of any wire spelling; `from-json.ts` maps both
 * versions' payloads onto it.
 */
export type RateUnit = 'A' | 'W';

/**
 * Profile purposes. 1.6 ChargePointMaxProfile maps onto ChargingStationMaxProfile;
 * ChargingStationExternalConstraints (2.0.1 K12) caps like a max profile.
 */
export type ProfilePurpose = 'ChargingStationMaxProfile' | 'ChargingStationExternalConstraints' | 'TxDefaultProfile' | 'TxProfile';
export type ProfileKind = 'Absolute' | 'Relative' | 'Recurring';
export type RecurrencyKind = 'Daily' | 'Weekly';

export interface SchedulePeriod {
  /** Seconds from the schedule's start. */
  readonly startPeriod: number;
  /** In the schedule's chargingRateUnit: A per phase, or W in total. */
  readonly limit: number;
  /** Phases in use; the specifications assume 3 when absent. */
  readonly numberPhases?: number;
  readonly phaseToUse?: number;
}

export interface Schedule {
  /** Seconds since the epoch (Absolute: the start; Recurring: the first recurrence). */
  readonly startSchedule?: number;
  /** Seconds; absent means the last period lasts for ever (or until the recurrence restarts). */
  readonly duration?: number;
  readonly chargingRateUnit: RateUnit;
  readonly chargingSchedulePeriod: readonly SchedulePeriod[];
  readonly minChargingRate?: number;
}

export interface Profile {
  readonly id: number;
  readonly stackLevel: number;
  readonly purpose: ProfilePurpose;
  readonly kind: ProfileKind;
  readonly recurrencyKind?: RecurrencyKind;
  /** Seconds since the epoch; the profile is valid for validFrom <= t < validTo. */
  readonly validFrom?: number;
  readonly validTo?: number;
  /** Only the first schedule is evaluated (2.0.1 allows more only as ISO 15118 choices). */
  readonly schedule: Schedule;
  /**
   * Where the profile was installed: 0 = the whole station, > 0 = one EVSE (1.6: connector).
   * Only breaks stackLevel ties between TxDefaultProfiles (the EVSE-specific one wins).
   */
  readonly evseId?: number;
}

export interface EvaluationContext {
  /** "Now": where Relative profiles without a transaction and start-less schedules begin. */
  readonly nowS: number;
  /** Start of the ongoing transaction, where Relative profiles begin. */
  readonly txStartS?: number;
  /** Declared supply voltage for A <-> W conversion (per phase, V). */
  readonly voltageV: number;
}

/** One period of a composite schedule; `limit: null` = no profile limits this stretch. */
export interface CompositePeriod {
  /** Seconds from the composite's scheduleStart. */
  readonly startPeriod: number;
  readonly limit: number | null;
  readonly numberPhases: number;
  readonly phaseToUse?: number;
}

export interface CompositeSchedule {
  /** Seconds since the epoch. */
  readonly scheduleStart: number;
  /** Seconds. */
  readonly duration: number;
  readonly chargingRateUnit: RateUnit;
  readonly chargingSchedulePeriod: readonly CompositePeriod[];
  /** The Tx-level schedule's minChargingRate in force at scheduleStart, converted (1.6 reports it). */
  readonly minChargingRate?: number;
}

export const DEFAULT_PHASES = 3;
export const DAY_S = 86_400;
export const WEEK_S = 7 * DAY_S;
