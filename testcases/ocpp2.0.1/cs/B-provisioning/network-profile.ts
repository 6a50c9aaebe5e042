/**
 * The connection data of the network profile cases (Part 2 B09/B10, Part 6 TC_B_43…50_CS) from the
 * run's configured values: Part 6 "<Configured ocppCsmsUrl>", "<Configured ocppInterface>",
 * "<Configured messageTimeout>", "<Configured securityProfile>". The URL and interface come from
 * the config file's `extra` (`ocppCsmsUrl`, `ocppInterface`), since only the user knows how the
 * station reaches the harness.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';

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
