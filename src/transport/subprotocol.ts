/**
 * OCPP-J subprotocol negotiation (pure).
 *
 * OCPP-J 1.6 §3.1.2 / 2.0.1 Part 4 §3.1.2: the station lists the OCPP versions it can speak in
 * Sec-WebSocket-Protocol, in its order of preference (§3.1.3: "ocpp2.0.1, ocpp1.6" means "with a
 * preference for the former"). The CSMS answers with the one it will use. We pick by the SERVER's
 * preference among those offered: the harness decides which version it tests.
 *
 * Part 4 §3.2: "If the CSMS does not agree to using one of the subprotocols offered by the client,
 * it MUST complete the WebSocket handshake with a response without a Sec-WebSocket-Protocol header
 * and then immediately close the WebSocket connection." The server does exactly that, with
 * constants.closeCodeNoSubprotocol.
 */

/** Split a Sec-WebSocket-Protocol header value (RFC 6455 §4.1: comma-separated tokens). */
export function parseSubprotocolHeader(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const joined = Array.isArray(header) ? header.join(',') : header;
  return joined
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

/** The first of `preference` that the client offered, or null when nothing can be agreed. */
export function selectSubprotocol(offered: Iterable<string>, preference: readonly string[]): string | null {
  const offeredSet = new Set(offered);
  return preference.find((p) => offeredSet.has(p)) ?? null;
}
