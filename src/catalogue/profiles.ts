/**
 * Certification profile names. 2.0.1 Part 5 names eight profiles; the official catalogue table
 * abbreviates them (`Core:C ADM:M`), and people type them either way on the command line
 * (`--profile ADM`, `--profile "Smart Charging"`). 1.6 cases carry their feature profile names
 * (Core, SmartCharging, …), which compare equal to the spaced spelling.
 */

/** The abbreviations used in the certification column of ocpp-2.0.1.csv → Part 5 profile names. */
export const part5ProfileAbbreviations: Readonly<Record<string, string>> = {
  Core: 'Core',
  AdvSec: 'Advanced Security',
  LAL: 'Local Authorization List Management',
  SmartCh: 'Smart Charging',
  ADM: 'Advanced Device Management',
  AUI: 'Advanced User Interface',
  Resv: 'Reservation',
  ISO15118: 'ISO 15118 Support',
};

/** The Part 5 certification profiles, in the order Part 5 lists them. */
export const part5Profiles: readonly string[] = Object.values(part5ProfileAbbreviations);

/** Case-, space- and punctuation-insensitive key: "Smart Charging" = "SmartCharging" = "smart-charging". */
export function profileKey(name: string): string {
  const key = squash(name);
  const expanded = Object.entries(part5ProfileAbbreviations).find(([abbr]) => squash(abbr) === key)?.[1];
  return expanded === undefined ? key : squash(expanded);
}

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** True when two spellings name the same profile (abbreviations included). */
export function sameProfile(a: string, b: string): boolean {
  return profileKey(a) === profileKey(b);
}
