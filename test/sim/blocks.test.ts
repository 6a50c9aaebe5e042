/**
 * The per-block rule of both simulators, held structurally: every block module's defects are in
 * the registry with the same words, no two modules handle the same CALL or add the same control
 * action or build the same trigger, and no block module imports another block's module.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../../src/errors.js';
import { senderOf } from '../../src/protocol/actions.js';
import type { OcppVersion } from '../../src/protocol/versions.js';
import { csmsDefects } from '../../src/sim/csms/defects.js';
import { csmsResponders, type ResponderHost } from '../../src/sim/csms/responses.js';
import { CsmsState } from '../../src/sim/csms/state.js';
import { TokenBook } from '../../src/sim/csms/tokens.js';
import { csmsTriggerActions } from '../../src/sim/csms/triggers.js';
import { csmsBlocks16 } from '../../src/sim/csms/v16/blocks.js';
import { csmsBlocks201 } from '../../src/sim/csms/v201/blocks.js';
import { collectDefects } from '../../src/sim/defect-registry.js';
import { assembleBlocks } from '../../src/sim/station/core/block.js';
import { coreDefects } from '../../src/sim/station/core/defects.js';
import { stationDefects } from '../../src/sim/station/defects.js';
import { Station16, Station201 } from '../../src/sim/station/station-simulator.js';
import { blocks16 } from '../../src/sim/station/v16/blocks.js';
import { blocks201 } from '../../src/sim/station/v201/blocks.js';
import type { DefectInfo } from '../../src/sim/types.js';

const registered = (registry: readonly DefectInfo[], name: string, version: OcppVersion): DefectInfo | undefined =>
  registry.find((d) => d.name === name && d.versions.includes(version));

const lists = [
  { side: 'cs', version: '2.0.1', blocks: blocks201, registry: stationDefects },
  { side: 'cs', version: '1.6', blocks: blocks16, registry: stationDefects },
  { side: 'csms', version: '2.0.1', blocks: csmsBlocks201, registry: csmsDefects },
  { side: 'csms', version: '1.6', blocks: csmsBlocks16, registry: csmsDefects },
] as const;

const duplicates = (names: readonly string[]): string[] => names.filter((n, i) => names.indexOf(n) !== i);

describe('simulator functional blocks', () => {
  for (const { side, version, blocks, registry } of lists) {
    it(`${side} ${version}: every block module's defects are in the registry, with the same words`, () => {
      const missing: string[] = [];
      for (const block of blocks) {
        for (const d of block.defects) {
          const hit = registered(registry, d.name, version);
          if (!hit || hit.description !== d.description || hit.side !== side) missing.push(`${block.name}: ${d.name}`);
        }
      }
      expect(missing).to.deep.equal([]);
      expect(duplicates(blocks.map((b) => b.name))).to.deep.equal([]);
    });
  }

  it('every registered defect is declared by the core or a block of each of its versions (nothing stale)', () => {
    const declared = (name: string, version: OcppVersion, blocks: ReadonlyArray<{ defects: ReadonlyArray<{ name: string }> }>): boolean =>
      blocks.some((b) => b.defects.some((d) => d.name === name));
    for (const d of stationDefects) {
      for (const v of d.versions) {
        const fromCore = coreDefects.some((c) => c.name === d.name && c.versions.includes(v));
        expect(fromCore || declared(d.name, v, v === '1.6' ? blocks16 : blocks201), `${d.name} ${v}`).to.equal(true);
      }
    }
  });

  for (const [version, Station] of [['2.0.1', Station201], ['1.6', Station16]] as const) {
    it(`station ${version}: one block per CSMS call and per control action, and only calls the CSMS may send`, () => {
      const station = new Station({ version, csmsUrl: 'ws://127.0.0.1:9/ocpp' });
      const described = station.describeBlocks();
      const handles = described.flatMap((b) => b.handles);
      const actions = described.flatMap((b) => b.actions);
      expect(duplicates(handles)).to.deep.equal([]);
      expect(duplicates(actions)).to.deep.equal([]);
      expect(handles.filter((a) => senderOf(version, a) !== 'csms' && senderOf(version, a) !== 'both')).to.deep.equal([]);
      expect(handles).to.include.members(['Reset', 'TriggerMessage', 'SendLocalList', 'DataTransfer']);
      expect(station.actions).to.include.members(['plugIn', 'presentIdToken', 'powerCycle', 'reconfigure']);
    });
  }

  it('assembling two blocks that handle the same CALL is refused', () => {
    const twice = { name: 'a', defects: [], create: () => ({ handlers: { Reset: () => ({ status: 'Accepted' }) } }) };
    expect(() => assembleBlocks([twice, { ...twice, name: 'b' }], {}, {})).to.throw(HarnessError, 'station blocks a and b both handle Reset');
  });

  it('two declarations of one defect with different words are refused', () => {
    const block = (description: string) => ({ name: 'x', defects: [{ name: 'same-name', description }] });
    expect(() => collectDefects('cs', [], [{ version: '1.6', blocks: [block('one')] }, { version: '2.0.1', blocks: [block('two')] }])).to.throw(HarnessError, 'described differently');
    expect(collectDefects('cs', [], [{ version: '2.0.1', blocks: [block('one')] }, { version: '1.6', blocks: [block('one')] }])).to.deep.equal([
      { name: 'same-name', side: 'cs', versions: ['1.6', '2.0.1'], description: 'one' },
    ]);
  });

  for (const [version, blocks] of [['2.0.1', csmsBlocks201], ['1.6', csmsBlocks16]] as const) {
    it(`CSMS ${version}: one block per station call and per trigger, and every trigger is built by a block`, () => {
      const host: ResponderHost = { version, state: new CsmsState(), tokens: new TokenBook(), has: () => false, bootStatusFor: () => 'Accepted', heartbeatIntervalS: 60, retryIntervalS: 10, acceptedVendorIds: [], wallMs: () => 0 };
      const answers = blocks.flatMap((b) => Object.keys(b.responders?.(host) ?? {}));
      const triggers = blocks.flatMap((b) => Object.keys(b.triggers ?? {}));
      expect(duplicates(answers)).to.deep.equal([]);
      expect(duplicates(triggers)).to.deep.equal([]);
      expect(Object.keys(csmsResponders(host)).sort()).to.deep.equal([...answers].sort());
      expect(answers.filter((a) => senderOf(version, a) !== 'cs' && senderOf(version, a) !== 'both')).to.deep.equal([]);
      // 1.6 has no SetNetworkProfile (2.0.1 B09), GetTransactionStatus (2.0.1 E14), GetChargingProfiles (2.0.1 K09) nor CustomerInformation (N09):
      // those triggers are built by the 2.0.1 blocks only; the certificate triggers are built by the 1.6 block only so far (2.0.1 block M has no CSMS module yet).
      // PublishFirmware / UnpublishFirmware (2.0.1 L03/L04) are built by the 2.0.1 block only; GetDiagnostics (1.6 §5.9), GetLog and SignedUpdateFirmware (1.6 Security Whitepaper) by the 1.6 blocks only.
      const onlyOtherVersion = version === '1.6' ? ['triggerSetNetworkProfile', 'triggerGetTransactionStatus', 'triggerGetChargingProfiles', 'triggerCustomerInformation', 'triggerPublishFirmware', 'triggerUnpublishFirmware'] : ['triggerInstallCertificate', 'triggerGetInstalledCertificateIds', 'triggerDeleteCertificate', 'triggerGetDiagnostics', 'triggerGetLog', 'triggerSignedUpdateFirmware'];
      expect([...triggers, 'triggerCall', ...onlyOtherVersion].sort()).to.deep.equal([...csmsTriggerActions].sort());
    });
  }

  it('no block module imports another block module of its list (only the context, the core and shared helpers)', () => {
    const folders = [
      { dir: 'src/sim/station/v201', names: blocksFiles('src/sim/station/v201') },
      { dir: 'src/sim/station/v16', names: blocksFiles('src/sim/station/v16') },
      { dir: 'src/sim/csms/v201', names: blocksFiles('src/sim/csms/v201') },
      { dir: 'src/sim/csms/v16', names: blocksFiles('src/sim/csms/v16') },
    ];
    const problems: string[] = [];
    for (const { dir, names } of folders) {
      for (const file of names) {
        const text = readFileSync(join(dir, `${file}.ts`), 'utf8');
        for (const m of text.matchAll(/from '\.\/([a-z0-9-]+)\.js'/g)) if (m[1] !== undefined && names.includes(m[1])) problems.push(`${dir}/${file}.ts imports ./${m[1]}.js`);
      }
    }
    expect(problems).to.deep.equal([]);
  });
});

/** The block module files of a folder: those blocks.ts imports. */
function blocksFiles(dir: string): string[] {
  expect(readdirSync(dir)).to.include('blocks.ts');
  const text = readFileSync(join(dir, 'blocks.ts'), 'utf8');
  return [...text.matchAll(/from '\.\/([a-z0-9-]+)\.js'/g)].map((m) => m[1] ?? '').filter((n) => n !== 'context');
}
