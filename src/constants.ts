/**
 * Named defaults, with units in their names. A default used in two places lives here once.
 */

/** How long we wait for the answer to our CALL (OCPP-J leaves it to configuration). */
export const callTimeoutMs = 30_000;
/** Time tolerance for timing checks: the certification labs' figure (OCPP 2.0.1 Part 6 §2.1). */
export const timeToleranceMs = 4_000;
/** OCPP-J: the message id is a string of at most 36 characters (2.0.1 Part 4 §4.1.3). */
export const maxMessageIdLength = 36;
/** OCPP 2.0.1 identifierString of a charging station: at most 48 characters (Part 4 §3.1.1). */
export const maxIdentityLength = 48;
/** Servers bind loopback unless the user asks for another address. */
export const defaultListenHost = '127.0.0.1';
/** Default WebSocket path prefix under which stations connect: ws://host:port/ocpp/<identity>. */
export const defaultServerPath = '/ocpp';
/** Close code used when no subprotocol could be agreed (RFC 6455 1002: protocol error). */
export const closeCodeNoSubprotocol = 1002;
/** Upper bound on a single WebSocket text frame we accept from a DUT (bytes). */
export const maxFrameBytes = 10 * 1024 * 1024;
/** How long an http hook or exec command may take to perform one DUT action. */
export const dutActionTimeoutMs = 60_000;
/** How long the prompt adapter waits for an operator at the terminal before giving up. */
export const promptTimeoutMs = 10 * 60_000;
/** After SIGTERM, how long a killed DUT command gets before SIGKILL. */
export const killGraceMs = 2_000;
/** Station simulator: how long a reboot (Reset, power cycle) takes before it dials again. */
export const stationRebootMs = 2_000;
/** Station simulator: OCPP-J Part 4 §5.3 RetryBackOffWaitMinimum default (first reconnect wait). */
export const stationReconnectBackoffMs = 10_000;
/** Station simulator: retry of BootNotification when the CSMS gave no usable interval. */
export const stationBootRetryMs = 30_000;
/** Station simulator: power drawn by a simulated EV while charging (W), drives the energy register. */
export const stationChargingPowerW = 11_000;
