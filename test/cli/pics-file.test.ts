import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { picsTemplate } from '../../src/cli/commands/pics.js';
import { loadPics, nearestPicsIds } from '../../src/cli/pics-file.js';
import { knownPicsIds, picsItems, picsItemsFor } from '../../src/catalogue/pics-items.js';
import { evaluate } from '../../src/engine/pics-condition.js';
import { HarnessError } from '../../src/errors.js';
import { ocppVersions, type Role } from '../../src/protocol/versions.js';

async function rejection(promise: Promise<unknown>): Promise<HarnessError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(HarnessError);
    return error as HarnessError;
  }
  throw new Error('expected the promise to reject');
}

const sides: Role[] = ['cs', 'csms'];

describe('cli/pics-file', () => {
  let dir: string;
  const file = async (name: string, content: string | object): Promise<string> => {
    const p = path.join(dir, name);
    await writeFile(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return p;
  };
  const base = { ocpp: '2.0.1', sut: 'cs', certificationProfiles: ['Core'], securityProfile: 1, items: {} };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ocpp-conform-pics-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('claims everything when no PICS is given', async () => {
    expect(await loadPics(undefined, { ocpp: '2.0.1', sut: 'cs' })).to.deep.equal({ items: {}, claimAll: true });
  });

  for (const ocpp of ocppVersions) {
    for (const sut of sides) {
      it(`loads its own template back for OCPP ${ocpp} sut ${sut}`, async () => {
        const template = picsTemplate(ocpp, sut);
        const p = await file('pics.yaml', template);
        const pics = await loadPics(p, { ocpp, sut });
        expect(pics.file).to.equal(p);
        expect(pics.claimAll).to.equal(undefined);
        expect(pics.ocpp).to.equal(ocpp);
        expect(pics.sut).to.equal(sut);
        expect(pics.certificationProfiles).to.deep.equal(['Core']);
        expect(pics.items['SecurityProfile']).to.equal(0);
        // Every item the template asks is answered, and each answer is in the file.
        const asked = picsItemsFor(ocpp, sut).filter((i) => i.derived === undefined);
        expect(asked.length).to.be.greaterThan(3);
        const written = (parseYaml(template) as { items: Record<string, unknown> }).items;
        for (const item of asked) {
          expect(written, item.id).to.have.property(item.id);
          expect(template, item.id).to.contain(`# ${item.id}: `);
        }
        if (ocpp === '1.6') expect(pics.items['FP-Core']).to.equal(true);
        if (ocpp === '1.6') expect(pics.items['FP-SmartCharging']).to.equal(false);
      });
    }
  }

  it('refuses a PICS written for another OCPP version, naming the field and the fix', async () => {
    const p = await file('pics.json', { ...base, ocpp: '1.6' });
    const error = await rejection(loadPics(p, { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.code).to.equal('E_PICS');
    expect(error.exitCode).to.equal(2);
    expect(error.message).to.contain('field "ocpp" is "1.6" but this run tests OCPP 2.0.1');
    expect(error.hint).to.contain('pics init --ocpp 2.0.1 --sut cs');
  });

  it('refuses a PICS written for the other side', async () => {
    const p = await file('pics.yaml', picsTemplate('2.0.1', 'csms'));
    const error = await rejection(loadPics(p, { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.message).to.contain('field "sut" is "csms" (a CSMS) but this run tests a charging station');
    expect(error.hint).to.contain('--sut cs');
  });

  it('names unknown items with the nearest known ids of that version', async () => {
    const p = await file('pics.json', { ...base, items: { 'C-1': true, 'c_09_1': true, 'HFS-88': 2, 'FP-SmartCharging': true, 'Nonsense-Item-Name': true } });
    const error = await rejection(loadPics(p, { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.code).to.equal('E_PICS');
    expect(error.message).to.contain('unknown PICS items for OCPP 2.0.1');
    expect(error.message).to.contain('"C-1" (did you mean "C-01"?)');
    expect(error.message).to.contain('"c_09_1" (did you mean "C-09.1"?)');
    expect(error.message).to.match(/"HFS-88" \(did you mean "HFS-8"/);
    // 1.6 ids are not 2.0.1 ids.
    expect(error.message).to.contain('"FP-SmartCharging"');
    expect(error.message).to.contain('"Nonsense-Item-Name"');
    expect(error.hint).to.contain('rename "C-1" to "C-01"');
    expect(error.hint).to.contain('pics init --ocpp 2.0.1 --sut cs --out -');

    const p16 = await file('pics16.json', { ...base, ocpp: '1.6', items: { 'FP-SmartChargng': true } });
    const e16 = await rejection(loadPics(p16, { ocpp: '1.6', sut: 'cs' }));
    expect(e16.message).to.contain('"FP-SmartChargng" (did you mean "FP-SmartCharging"?)');
  });

  it('names an item declared with the wrong value type', async () => {
    let p = await file('pics.yaml', 'ocpp: "2.0.1"\nsut: cs\ncertificationProfiles: [Core]\nsecurityProfile: 0\nitems:\n  HFS-8: "two"\n');
    let error = await rejection(loadPics(p, { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.message).to.contain('item "HFS-8" (number of EVSEs of the charging station) must be a number (got "two")');
    expect(error.hint).to.equal('write it as HFS-8: 1');

    p = await file('pics.yaml', { ...base, items: { 'C-01': 'yes' } });
    error = await rejection(loadPics(p, { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.message).to.contain('item "C-01"');
    expect(error.message).to.contain('must be true or false (got "yes")');

    p = await file('pics.yaml', { ...base, items: { 'C-23': 'Heartbeat' } });
    error = await rejection(loadPics(p, { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.message).to.contain('item "C-23"');
    expect(error.message).to.contain('must be a list of strings');
  });

  it('explains schema problems: missing fields, profile names, bad values', async () => {
    let error = await rejection(loadPics(await file('p.json', { sut: 'cs', certificationProfiles: ['Core'], securityProfile: 0, items: {} }), { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.message).to.contain('field "ocpp" is missing');
    expect(error.hint).to.contain('"2.0.1"');

    error = await rejection(loadPics(await file('p.json', { ...base, certificationProfiles: ['Core', 'Smart charging'] }), { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.message).to.contain('field "certificationProfiles[1]" must be one of');
    expect(error.hint).to.equal('did you mean "Smart Charging"?');

    error = await rejection(loadPics(await file('p.json', { ...base, ocpp: '1.6', certificationProfiles: ['Core', 'Advanced Security'] }), { ocpp: '1.6', sut: 'cs' }));
    expect(error.message).to.contain('"Local Auth List Management"');

    error = await rejection(loadPics(await file('p.json', { ...base, certificationProfiles: ['Reservation'] }), { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.message).to.contain('must include "Core"');

    error = await rejection(loadPics(await file('p.json', { ...base, sut: 'station' }), { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.message).to.contain('field "sut" must be one of "cs", "csms" (got "station")');

    error = await rejection(loadPics(await file('p.json', { ...base, item: {} }), { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.message).to.contain('unknown field "item" (did you mean "items"?)');

    // An unquoted YAML version is a number; 1.6 and 2.1 still mean the version.
    const unquoted = await file('p.yaml', 'ocpp: 1.6\nsut: cs\ncertificationProfiles: [Core]\nsecurityProfile: 0\nitems: {}\n');
    expect((await loadPics(unquoted, { ocpp: '1.6', sut: 'cs' })).ocpp).to.equal('1.6');

    error = await rejection(loadPics(await file('p.yaml', ''), { ocpp: '2.0.1', sut: 'cs' }));
    expect(error.message).to.contain('is empty');
  });

  it('derives group items, SecurityProfile and 1.6 feature profiles, and evaluates conditions with them', async () => {
    const p = await file('p.json', { ...base, securityProfile: 2, items: { 'C-09.1': false, 'C-09.2': true, 'C-40.1': [], 'HFS-8': 2 } });
    const pics = await loadPics(p, { ocpp: '2.0.1', sut: 'cs' });
    expect(pics.items['C-09']).to.equal(true);
    expect(pics.items['C-40']).to.equal(false);
    expect(pics.items).to.not.have.property('C-10');
    expect(pics.items['SecurityProfile']).to.equal(2);
    expect(evaluate({ all: [{ item: 'C-09.2' }, { item: 'SecurityProfile', equals: 2 }] }, pics).applies).to.equal(true);
    expect(evaluate({ item: 'C-09.1' }, pics).reason).to.contain('C-09.1 = false');

    const p16 = await file('p16.json', { ...base, ocpp: '1.6', certificationProfiles: ['Core', 'Smart Charging'], items: { 'FP-Reservation': true } });
    const error = await rejection(loadPics(p16, { ocpp: '1.6', sut: 'cs' }));
    expect(error.message).to.contain('item "FP-Reservation" is true but certificationProfiles does not list "Reservation"');
    const ok = await loadPics(await file('p16b.json', { ...base, ocpp: '1.6', certificationProfiles: ['Core', 'Smart Charging'] }), { ocpp: '1.6', sut: 'cs' });
    expect(ok.items['FP-SmartCharging']).to.equal(true);
    expect(ok.items['FP-Reservation']).to.equal(false);

    const bad = await rejection(loadPics(await file('p.json', { ...base, items: { SecurityProfile: 3 } }), { ocpp: '2.0.1', sut: 'cs' }));
    expect(bad.message).to.contain('item "SecurityProfile" is 3 but securityProfile is 1');
  });

  it('keeps vendor, model and firmware version for the report', async () => {
    const p = await file('p.json', { ...base, vendor: 'Acme', model: 'X1', firmwareVersion: '1.2.3' });
    const pics = await loadPics(p, { ocpp: '2.0.1', sut: 'cs' });
    expect([pics.vendor, pics.model, pics.firmwareVersion, pics.securityProfile]).to.deep.equal(['Acme', 'X1', '1.2.3', 1]);
  });

  it('has a consistent item table', () => {
    for (const version of ocppVersions) {
      for (const sut of sides) {
        const ids = picsItemsFor(version, sut).map((i) => i.id);
        expect(new Set(ids).size, `${version} ${sut} ids unique`).to.equal(ids.length);
      }
    }
    for (const item of picsItems) {
      if (item.parent) expect(knownPicsIds(item.versions[0] ?? '2.0.1').has(item.parent), item.id).to.equal(true);
    }
    // Part 5 gives AQ-1 a different question per side.
    expect(picsItemsFor('2.0.1', 'cs').find((i) => i.id === 'AQ-1')?.title).to.contain('CSMSRootCertificate');
    expect(picsItemsFor('2.0.1', 'csms').find((i) => i.id === 'AQ-1')?.title).to.contain('BootNotification');
    expect(nearestPicsIds('c-9.1', '2.0.1')).to.deep.equal(['C-09.1']);
  });
});
