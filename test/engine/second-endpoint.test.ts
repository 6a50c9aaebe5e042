/**
 * engine/second-endpoint.ts through the run entry (harness plays the CSMS): a case opens the second
 * endpoint (networkProfiles.connectionData2), refuses attempts there, sees a connection there
 * become the peer, and the endpoint closes with the case. A case whose security-profile
 * prerequisite the run does not meet is inconclusive, saying why.
 */
import { expect } from 'chai';
import { defineTestCase } from '../../src/engine/define.js';
import { defaultConfiguredValues, type ConfiguredValues } from '../../src/engine/configured-values.js';
import type { SecondEndpoint } from '../../src/engine/second-endpoint.js';
import { startRun } from '../../src/engine/start-run.js';
import { SimAdapter } from '../../src/dut/sim.js';
import { dial } from '../../src/transport/client.js';
import type { Connection } from '../../src/transport/connection.js';

const config: ConfiguredValues = { ...defaultConfiguredValues, messageTimeoutMs: 2_000, connectTimeoutMs: 3_000, caseTimeoutMs: 15_000 };
const adapter = new SimAdapter({ side: 'cs', version: '2.0.1', actions: [], perform: () => Promise.resolve({ done: false, reason: 'none' }), snapshot: () => undefined });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const station = (url: string): Promise<Connection> => dial(url, { identity: 'CP001', subprotocols: ['ocpp2.0.1'] });

describe('engine/second-endpoint', function () {
  this.timeout(30_000);

  it('a case opens it, refuses and then accepts the station there, where the connection becomes the peer; it closes with the case', async () => {
    let opened: SecondEndpoint | undefined;
    let release: (() => void) | undefined;
    const proceed = new Promise<void>((r) => (release = r));
    const facts: Record<string, unknown> = {};
    const tc = defineTestCase({
      id: 'TC_X_90_CS',
      version: '2.0.1',
      sut: 'cs',
      block: 'B',
      title: 'second endpoint',
      certification: [],
      detects: ['test-none'],
      async run(ctx) {
        await ctx.peer();
        const second = await ctx.openSecondEndpoint();
        second.refuse(true);
        opened = second;
        await proceed;
        facts['holdsPeer'] = await second.waitForPeer(2_000, ctx.signal);
        facts['kinds'] = ctx.journal().filter((e) => second.connectionIds().has((e as { connectionId?: string }).connectionId ?? '')).map((e) => e.kind);
        facts['url'] = second.ocppCsmsUrl;
      },
    });
    const handle = startRun({ version: '2.0.1', endpoint: { sut: 'cs', host: '127.0.0.1', port: 0, path: '/ocpp' }, cases: [tc], adapter, config, pics: { items: {}, claimAll: true }, tool: { name: 'test', version: '0' } });
    const conns: Connection[] = [];
    handle.on('ready', ({ url }) => void station(url.replace(/\/CP001$/, '')).then((c) => conns.push(c)));
    while (opened === undefined) await sleep(20);
    const second = opened;
    const refused = await station(second.ocppCsmsUrl).then(() => 'connected', (e: unknown) => String(e));
    second.refuse(false);
    conns.push(await station(second.ocppCsmsUrl));
    release?.();
    const run = await handle.result;
    expect(refused).to.include('503');
    expect(run.tests[0]?.verdict).to.equal('pass');
    expect(facts['holdsPeer']).to.equal(true);
    expect(facts['kinds']).to.deep.equal(['refused', 'connected']);
    expect(facts['url']).to.match(/^ws:\/\/127\.0\.0\.1:\d+\/ocpp$/);
    // Closed with the case: nothing listens there any more.
    const after = await station(second.ocppCsmsUrl).then(() => 'connected', () => 'refused');
    expect(after).to.equal('refused');
    for (const c of conns) await c.close(1000, 'done').catch(() => undefined);
  });

  it('a case with a security-profile prerequisite the run does not meet is inconclusive, naming the profiles', async () => {
    const tc = defineTestCase({
      id: 'TC_X_91_CS',
      version: '2.0.1',
      sut: 'cs',
      block: 'B',
      title: 'needs TLS',
      certification: [],
      detects: ['test-none'],
      securityProfiles: [2, 3],
      run: () => Promise.resolve(),
    });
    const handle = startRun({ version: '2.0.1', endpoint: { sut: 'cs', host: '127.0.0.1', port: 0, path: '/ocpp' }, cases: [tc], adapter, config, pics: { items: {}, claimAll: true }, tool: { name: 'test', version: '0' } });
    const run = await handle.result;
    expect(run.tests[0]?.verdict).to.equal('inconclusive');
    expect(run.tests[0]?.message).to.include('security profile 2 or 3').and.to.include('security profile 0');
  });
});
