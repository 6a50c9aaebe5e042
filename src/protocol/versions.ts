/**
 * The OCPP versions the harness speaks and their OCPP-J WebSocket subprotocol names
 * (OCPP-J 1.6 §3.1.2, 2.0.1 Part 4 §3.1.2, 2.1 Part 4 §3.1.2).
 */
export const ocppVersions = ['1.6', '2.0.1', '2.1'] as const;
export type OcppVersion = (typeof ocppVersions)[number];

export const subprotocolOf: Record<OcppVersion, string> = {
  '1.6': 'ocpp1.6',
  '2.0.1': 'ocpp2.0.1',
  '2.1': 'ocpp2.1',
};

export function versionOfSubprotocol(subprotocol: string): OcppVersion | undefined {
  return ocppVersions.find((v) => subprotocolOf[v] === subprotocol);
}

export function isOcppVersion(value: unknown): value is OcppVersion {
  return typeof value === 'string' && (ocppVersions as readonly string[]).includes(value);
}

/** Which side of the link a party plays. 1.6 calls them charge point / central system. */
export type Role = 'cs' | 'csms';
export const otherRole = (role: Role): Role => (role === 'cs' ? 'csms' : 'cs');
