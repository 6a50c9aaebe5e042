import { expect } from 'chai';
import { normalizePathPrefix, parseStationPath } from '../../src/transport/station-path.js';

describe('transport/station-path', () => {
  it('percent-decodes the identity (Part 4 §3.1.1 example "RDAM 123")', () => {
    expect(parseStationPath('/ocpp/RDAM%20123', '/ocpp')).to.deep.equal({ ok: true, identity: 'RDAM 123' });
  });

  it('accepts exactly 48 characters and rejects 49 with 400', () => {
    expect(parseStationPath(`/ocpp/${'A'.repeat(48)}`, '/ocpp').ok).to.be.true;
    const r = parseStationPath(`/ocpp/${'A'.repeat(49)}`, '/ocpp');
    expect(r).to.include({ ok: false, status: 400 });
  });

  it('rejects an empty identity, a foreign prefix and extra segments with 404', () => {
    expect(parseStationPath('/ocpp/', '/ocpp')).to.include({ ok: false, status: 404 });
    expect(parseStationPath('/ocpp', '/ocpp')).to.include({ ok: false, status: 404 });
    expect(parseStationPath('/other/CP1', '/ocpp')).to.include({ ok: false, status: 404 });
    expect(parseStationPath('/ocpp/a/b', '/ocpp')).to.include({ ok: false, status: 404 });
  });

  it('rejects an encoded slash and bad percent-encoding with 400', () => {
    expect(parseStationPath('/ocpp/a%2Fb', '/ocpp')).to.include({ ok: false, status: 400 });
    expect(parseStationPath('/ocpp/%E0%A4%A', '/ocpp')).to.include({ ok: false, status: 400 });
  });

  it('applies the injected format check', () => {
    const noSpaces = (id: string): boolean => !id.includes(' ');
    expect(parseStationPath('/ocpp/A%20B', '/ocpp', noSpaces)).to.include({ ok: false, status: 400 });
    expect(parseStationPath('/ocpp/AB', '/ocpp', noSpaces).ok).to.be.true;
  });

  it('normalises prefixes', () => {
    expect(normalizePathPrefix('/ocpp/')).to.equal('/ocpp');
    expect(normalizePathPrefix('ocpp')).to.equal('/ocpp');
    expect(normalizePathPrefix('/')).to.equal('');
    expect(parseStationPath('/CP1', '/')).to.deep.equal({ ok: true, identity: 'CP1' });
  });
});
