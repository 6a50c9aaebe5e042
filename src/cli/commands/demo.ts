/**
 * `ocpp-conform demo`: a real run over loopback with no hardware. Until the reference simulators
 * land, it runs a minimal real exchange between our own CSMS endpoint and our own station
 * endpoint for each version — every frame judged by the layered checks and recorded in the wire
 * log — and fails if anything was found.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { ExitCode } from '../../errors.js';
import type { JsonObject } from '../../protocol/frames.js';
import { subprotocolOf, type OcppVersion } from '../../protocol/versions.js';
import type { OcppEndpoint } from '../../session/endpoint.js';
import { openEndpoint } from '../../session/open.js';
import { dial } from '../../transport/client.js';
import { OcppServer } from '../../transport/server.js';
import { WireLog } from '../../transport/wire-log.js';
import type { CliIo } from '../io.js';
import { setExitCode } from '../main.js';

interface Exchange {
  /** Station → CSMS calls, in order. */
  stationCalls: Array<[string, JsonObject]>;
  /** CSMS → station calls, in order, with the station's canned answers. */
  csmsCalls: Array<[string, JsonObject, JsonObject]>;
  csmsAnswers: Record<string, JsonObject>;
}

const now = (): string => new Date().toISOString();

function exchangeFor(version: OcppVersion): Exchange {
  if (version === '1.6') {
    return {
      stationCalls: [
        ['BootNotification', { chargePointVendor: 'ocpp-conform', chargePointModel: 'demo-station' }],
        ['StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }],
        ['Heartbeat', {}],
      ],
      csmsCalls: [['GetConfiguration', { key: ['HeartbeatInterval'] }, { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '60' }] }]],
      csmsAnswers: {
        BootNotification: { status: 'Accepted', currentTime: now(), interval: 60 },
        StatusNotification: {},
        Heartbeat: { currentTime: now() },
      },
    };
  }
  return {
    stationCalls: [
      ['BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'ocpp-conform', model: 'demo-station' } }],
      ['StatusNotification', { timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 }],
      ['Heartbeat', {}],
    ],
    csmsCalls: [
      [
        'GetVariables',
        { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] },
        { getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: '60', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] },
      ],
    ],
    csmsAnswers: {
      BootNotification: { status: 'Accepted', currentTime: now(), interval: 60 },
      StatusNotification: {},
      Heartbeat: { currentTime: now() },
    },
  };
}

async function runExchange(version: OcppVersion, wireLog: WireLog, io: CliIo): Promise<number> {
  const exchange = exchangeFor(version);
  const server = new OcppServer({ subprotocols: [subprotocolOf[version]], wireLog });
  let csms: OcppEndpoint | undefined;
  const csmsReady = new Promise<OcppEndpoint>((resolve) => {
    server.onConnection((conn) => {
      csms = openEndpoint(conn, { role: 'csms' });
      for (const [action, answer] of Object.entries(exchange.csmsAnswers)) csms.handle(action, () => answer);
      resolve(csms);
    });
  });
  const { url } = await server.start();
  let problems = 0;
  try {
    const conn = await dial(url, { identity: 'DEMO-CS-01', subprotocols: [subprotocolOf[version]], wireLog });
    const station = openEndpoint(conn, { role: 'cs' });
    for (const [action, , answer] of exchange.csmsCalls) station.handle(action, () => answer);
    const csmsEndpoint = await csmsReady;
    io.out(`OCPP ${version}: station DEMO-CS-01 connected to ${url} (subprotocol ${conn.info.subprotocol ?? 'none'})`);
    for (const [action, payload] of exchange.stationCalls) {
      const out = await station.call(action, payload, { timeoutMs: 5000 });
      problems += out.status === 'result' ? 0 : 1;
      io.out(`  station → CSMS  ${action.padEnd(20)} ${out.status}`);
    }
    for (const [action, payload] of exchange.csmsCalls) {
      const out = await csmsEndpoint.call(action, payload, { timeoutMs: 5000 });
      problems += out.status === 'result' ? 0 : 1;
      io.out(`  CSMS → station  ${action.padEnd(20)} ${out.status}`);
    }
    const findings = [...station.findings, ...(csms?.findings ?? [])];
    for (const f of findings) io.out(`  finding [${f.layer}] ${f.code}: ${f.message}`);
    problems += findings.filter((f) => f.severity === 'error').length;
    await conn.close();
  } finally {
    await server.close();
  }
  return problems;
}

export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('run against the built-in peers over loopback, no hardware needed')
    .addOption(new Option('--ocpp <version>', 'OCPP version to demo (default: all of 1.6 and 2.0.1)').choices(['1.6', '2.0.1', '2.1']))
    .option('--report-dir <dir>', 'where to write the wire log', 'reports/demo')
    .action(async (options: { ocpp?: OcppVersion; reportDir: string }, command: Command) => {
      const versions: OcppVersion[] = options.ocpp ? [options.ocpp] : ['1.6', '2.0.1'];
      const wireLog = new WireLog();
      let problems = 0;
      for (const version of versions) problems += await runExchange(version, wireLog, io);
      const dir = path.resolve(io.cwd, options.reportDir);
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, 'wire.jsonl');
      await writeFile(file, wireLog.toJsonLines());
      io.out(`wire log: ${path.relative(io.cwd, file) || file} (${wireLog.entries().filter((e) => e.kind === 'frame').length} frames)`);
      io.out(problems === 0 ? 'demo: every exchange conformed' : `demo: ${problems} problem(s)`);
      setExitCode(command, problems === 0 ? ExitCode.ok : ExitCode.failed);
    });
}
