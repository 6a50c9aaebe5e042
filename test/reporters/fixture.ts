/**
 * A fixed run model for the reporter tests: one case of every verdict, a timing check that failed,
 * findings by layer, frames (one carrying `<script>` and control characters: DUT input is
 * untrusted), a claimed profile with mandatory and conditional cases. Times are fixed, so the
 * golden files only need normalising when a real run is rendered.
 */
import type { CaseResult, RunResult, TraceFrame } from '../../src/engine/run-model.js';
import { summarise } from '../../src/engine/run-model.js';

const t0 = Date.parse('2025-03-04T10:00:00.000Z');
const iso = (ms: number): string => new Date(t0 + ms).toISOString();

function frame(seq: number, direction: 'in' | 'out', relMs: number, message: unknown[]): TraceFrame {
  return { seq, connectionId: 'c1', direction, wallTime: iso(relMs), relMs, text: JSON.stringify(message) };
}

const base = (id: string, title: string, block: string, startMs: number): Omit<CaseResult, 'verdict' | 'durationMs' | 'steps'> => ({
  id,
  title,
  block,
  version: '2.0.1',
  sut: 'cs',
  certification: [{ profile: 'Core', need: 'M' }],
  applicability: { applies: true, reason: 'mandatory for Core' },
  startedAt: iso(startMs),
  findings: [],
  warnings: [],
  trace: [],
});

export const xssPayload = '<script>document.body.setAttribute("data-pwned","1")</script><img src=x onerror=alert(1)>';

export function fixtureTests(): CaseResult[] {
  const pass: CaseResult = {
    ...base('TC_B_01_CS', 'Cold Boot Charging Station - Accepted', 'B', 0),
    useCases: ['B01'],
    requirements: ['B01.FR.01', 'B01.FR.05'],
    verdict: 'pass',
    durationMs: 1532.25,
    steps: [
      {
        title: 'Boot',
        verdict: 'pass',
        startedMonoMs: 10,
        durationMs: 820,
        checks: [
          { description: 'BootNotification received', expected: 'BootNotification within 10000 ms', actual: 'BootNotification after 212 ms', ok: true, severity: 'error', frames: [1], timing: { what: 'BootNotification after reboot', measuredMs: 212, maxMs: 14000, toleranceMs: 4000, ok: true } },
          { description: 'StatusNotification for EVSE 1', expected: '{"evseId":1}', actual: '{"evseId":1,"connectorId":1,"connectorStatus":"Available"}', ok: true, severity: 'error', frames: [3] },
        ],
      },
    ],
    trace: [
      frame(1, 'in', 212, [2, 'm1', 'BootNotification', { reason: 'PowerUp', chargingStation: { model: 'EC-22', vendorName: 'Example Charging' } }]),
      frame(2, 'out', 214.5, [3, 'm1', { status: 'Accepted', currentTime: iso(214), interval: 300 }]),
      frame(3, 'in', 400, [2, 'm2', 'StatusNotification', { timestamp: iso(399), connectorStatus: 'Available', evseId: 1, connectorId: 1 }]),
      frame(4, 'out', 401, [3, 'm2', {}]),
    ],
  };
  const fail: CaseResult = {
    ...base('TC_B_02_CS', 'Cold Boot Charging Station - Pending', 'B', 2000),
    useCases: ['B02'],
    requirements: ['B01.FR.05', 'B02.FR.01'],
    verdict: 'fail',
    message: 'Heartbeat came 9120 ms after the previous one; allowed 300000 ± 4000 ms',
    durationMs: 12040,
    steps: [
      { title: 'Boot pending', verdict: 'pass', startedMonoMs: 0, durationMs: 100, checks: [] },
      {
        title: 'Heartbeat interval is respected',
        verdict: 'fail',
        startedMonoMs: 100,
        durationMs: 9200,
        message: 'Heartbeat came too early',
        checks: [
          { description: 'Heartbeat not before the interval', expected: 'gap ≥ 296000 ms', actual: 'gap 9120 ms', ok: false, severity: 'error', frames: [7, 9], timing: { what: 'gap between Heartbeats', measuredMs: 9120, minMs: 296000, maxMs: 304000, toleranceMs: 4000, ok: false } },
        ],
      },
    ],
    findings: [
      { layer: 'schema', severity: 'error', code: 'schema.required', message: 'currentTime is missing', action: 'Heartbeat', frameSeq: 9, path: '/currentTime', direction: 'in', connectionId: 'c1' },
      { layer: 'format', severity: 'warning', code: 'format.dateTime.fraction', message: 'timestamp has 6 fractional-second digits', action: 'StatusNotification', frameSeq: 7, direction: 'in' },
    ],
    warnings: ['format: timestamp has 6 fractional-second digits'],
    trace: [
      frame(7, 'in', 120, [2, 'h1', 'Heartbeat', {}]),
      frame(8, 'out', 121, [3, 'h1', { currentTime: iso(121) }]),
      frame(9, 'in', 9240, [2, 'h2', 'Heartbeat', { note: xssPayload, ctl: 'bell\u0007 nul\u0000 esc\u001b & "q" ]]>' }]),
      frame(10, 'out', 9241, [4, 'h2', 'FormatViolation', 'unexpected field', {}]),
    ],
  };
  const inconclusive: CaseResult = {
    ...base('TC_E_01_CS', 'Start transaction options - PowerPathClosed', 'E', 20000),
    certification: [{ profile: 'Core', need: 'C' }],
    applicability: { applies: true, reason: 'conditional: PICS C-01 = true' },
    verdict: 'inconclusive',
    message: 'no terminal to ask the operator: "plug in the cable" was not confirmed',
    durationMs: 30000,
    steps: [{ title: 'Plug in the cable', verdict: 'inconclusive', startedMonoMs: 0, durationMs: 30000, checks: [], message: 'not confirmed' }],
  };
  const notApplicable: CaseResult = {
    ...base('TC_E_02_CS', 'Start transaction options - EVConnected', 'E', 50000),
    certification: [{ profile: 'Core', need: 'C' }],
    applicability: { applies: false, reason: 'PICS C-02 = false (needs true)' },
    verdict: 'notApplicable',
    message: 'PICS C-02 = false (needs true)',
    durationMs: 0,
    steps: [],
  };
  const error: CaseResult = {
    ...base('TC_K_01_CS', 'SetChargingProfile - TxDefaultProfile', 'K', 50001),
    certification: [{ profile: 'Smart Charging', need: 'M' }],
    verdict: 'error',
    message: 'harness error: cannot read properties of undefined (reading "evseId")',
    durationMs: 5.5,
    steps: [{ title: 'Send the profile', verdict: 'error', startedMonoMs: 0, durationMs: 5.5, checks: [], message: 'harness error' }],
  };
  const skipped: CaseResult = {
    ...base('TC_K_02_CS', 'SetChargingProfile - TxProfile', 'K', 50010),
    certification: [{ profile: 'Smart Charging', need: 'M' }],
    verdict: 'skipped',
    message: 'not selected for this lab session',
    durationMs: 0,
    steps: [],
  };
  return [pass, fail, inconclusive, notApplicable, error, skipped];
}

export function fixtureRun(options: { partial?: boolean; interrupted?: boolean } = {}): RunResult {
  const tests = fixtureTests();
  return {
    tool: { name: 'ocpp-conform', version: '0.1.0' },
    startedAt: iso(-500),
    ...(options.partial ? {} : { endedAt: iso(60000) }),
    version: '2.0.1',
    sut: 'cs',
    dut: { stationId: 'CP001', vendor: 'Example Charging', model: 'EC-22', serialNumber: 'SN-0001', firmwareVersion: '1.4.2' },
    securityProfile: 1,
    dutAdapter: 'http',
    pics: { items: { 'C-01': true, 'C-02': false, 'AQ-3': 2 }, certificationProfiles: ['Core', 'Smart Charging'], file: 'pics.yaml', ocpp: '2.0.1', sut: 'cs' },
    config: { stationId: 'CP001', basicAuthPassword: '[redacted]', toleranceMs: 4000 },
    selection: { only: [], blocks: [], profiles: [] },
    partial: options.partial ?? false,
    interrupted: options.interrupted ?? false,
    tests,
    summary: summarise(tests),
  };
}
