import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../src/cli/config-file.js';
import { checkNetworkProfiles } from '../../src/cli/network-profiles-config.js';
import { defaultConfiguredValues, type ConfiguredValues, type SecondConnectionData } from '../../src/engine/configured-values.js';
import { HarnessError } from '../../src/errors.js';
import { createCertificateSet } from '../../src/security/certificates.js';

const base = (data: Partial<SecondConnectionData>, top: Partial<ConfiguredValues> = {}): ConfiguredValues => ({
  ...defaultConfiguredValues,
  ...top,
  networkProfiles: { ...defaultConfiguredValues.networkProfiles, connectionData2: { ...defaultConfiguredValues.networkProfiles.connectionData2, ...data } },
});

function refused(config: ConfiguredValues, primaryTls = false): HarnessError {
  try {
    checkNetworkProfiles(config, { sut: 'cs', primaryTls, cwd: process.cwd() });
  } catch (err) {
    expect(err).to.be.instanceOf(HarnessError);
    return err as HarnessError;
  }
  throw new Error('expected the configuration to be refused');
}

describe('cli/network-profiles-config: networkProfiles refused before the run, naming the field', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ocpp-conform-np-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the defaults pass, and a CSMS-side run does not look at them', () => {
    expect(checkNetworkProfiles(defaultConfiguredValues, { sut: 'cs', primaryTls: false, cwd: dir }).networkProfiles).to.deep.equal(defaultConfiguredValues.networkProfiles);
    const broken = base({ listen: 'nonsense' });
    expect(checkNetworkProfiles(broken, { sut: 'csms', primaryTls: false, cwd: dir })).to.equal(broken);
  });

  it('names each wrong field', () => {
    const same = { ...defaultConfiguredValues, networkProfiles: { ...defaultConfiguredValues.networkProfiles, configurationSlot2: 1 } };
    expect(refused(same).message).to.include('networkProfiles.configurationSlot2');
    expect(refused(base({ listen: 'host:port' })).message).to.include('networkProfiles.connectionData2.listen');
    expect(refused(base({ securityProfile: 2, ocppCsmsUrl: 'ws://lab:9000/ocpp', cert: 'x', key: 'y' })).message).to.include('connectionData2.ocppCsmsUrl must start with wss://');
    expect(refused(base({ ocppCsmsUrl: 'wss://lab:9000/ocpp' })).message).to.include('plain WebSocket');
    expect(refused(base({ securityProfile: 2 })).message).to.include('connectionData2.securityProfile 2 needs a TLS identity');
    expect(refused(base({ securityProfile: 2, cert: 'certs/csms2.pem' }), true).message).to.include('connectionData2.cert needs networkProfiles.connectionData2.key');
    expect(refused(base({ securityProfile: 1 }, { securityProfile: 2 })).message).to.include('below the run');
    const missing = refused(base({ securityProfile: 3, cert: path.join(dir, 'absent.pem'), key: path.join(dir, 'absent.key.pem') }), true);
    expect(missing.code).to.equal('E_CONFIG');
    expect(missing.message).to.include('networkProfiles.connectionData2.cert');
    expect(refused(base({ rootCertificate: '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----' })).message).to.include('connectionData2.rootCertificate: not a PEM certificate');
  });

  it('reads the PEM files, so the run gets PEM text; the key never shows in a message', async () => {
    const set = createCertificateSet({ key: { type: 'ec' } });
    const cert = path.join(dir, 'csms2.pem');
    const key = path.join(dir, 'csms2.key.pem');
    const root = path.join(dir, 'ca2.pem');
    await writeFile(cert, set.csms.certPem);
    await writeFile(key, set.csms.keyPem);
    await writeFile(root, set.ca.certPem);
    const out = checkNetworkProfiles(base({ securityProfile: 2, cert: 'csms2.pem', key: 'csms2.key.pem', rootCertificate: 'ca2.pem' }), { sut: 'cs', primaryTls: false, cwd: dir });
    expect(out.networkProfiles.connectionData2.cert).to.equal(set.csms.certPem);
    expect(out.networkProfiles.connectionData2.rootCertificate).to.equal(set.ca.certPem);
    const other = createCertificateSet({ key: { type: 'ec' } });
    await writeFile(key, other.csms.keyPem);
    const wrong = refused(base({ securityProfile: 2, cert, key }));
    expect(wrong.message).to.include('networkProfiles.connectionData2.key does not belong');
    expect(wrong.message + (wrong.hint ?? '')).not.to.include(other.csms.keyPem.split('\n')[1] ?? 'never');
  });

  it('the config file schema knows networkProfiles and refuses an unknown field in it', async () => {
    const file = path.join(dir, 'lab.json');
    await writeFile(file, JSON.stringify({ networkProfiles: { configurationSlot: 3, connectionData2: { ocppCsmsUrl: 'ws://lab:9001/ocpp' } } }));
    const config = await loadConfig(file, {}, {});
    expect(config.networkProfiles.configurationSlot).to.equal(3);
    expect(config.networkProfiles.configurationSlot2).to.equal(2);
    expect(config.networkProfiles.connectionData2).to.include({ ocppCsmsUrl: 'ws://lab:9001/ocpp', listen: '127.0.0.1:0' });
    await writeFile(file, JSON.stringify({ networkProfiles: { connectionData2: { ocppCsmsURL: 'ws://x' } } }));
    const err = await loadConfig(file, {}, {}).then(() => undefined, (e: unknown) => e as HarnessError);
    expect(err?.message).to.include('connectionData2');
  });
});
