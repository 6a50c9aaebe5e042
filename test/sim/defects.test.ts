import { expect } from 'chai';
import { HarnessError } from '../../src/errors.js';
import { csmsDefects } from '../../src/sim/csms/defects.js';
import { allDefects, findDefect, parseDefects } from '../../src/sim/defects.js';
import { stationDefects } from '../../src/sim/station/defects.js';

const usageError = (fn: () => unknown): HarnessError => {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(HarnessError);
    expect((err as HarnessError).code).to.equal('E_USAGE');
    return err as HarnessError;
  }
  throw new Error('expected a usage error');
};

describe('simulator defects registry', () => {
  it('lists the defects of both simulators, kebab-case, each with a one-line description', () => {
    const all = allDefects();
    expect(all.length).to.equal(stationDefects.length + csmsDefects.length);
    for (const d of all) {
      expect(d.name, d.name).to.match(/^[a-z0-9]+(-[a-z0-9.]+)*$/);
      expect(d.description, d.name).to.not.include('\n');
      expect(d.versions.length, d.name).to.be.greaterThan(0);
    }
    const csmsNames = csmsDefects.map((d) => d.name);
    expect(new Set(csmsNames).size).to.equal(csmsNames.length);
  });

  it('finds a defect by name', () => {
    expect(findDefect('accepts-wrong-password')).to.include({ side: 'csms' });
    expect(findDefect('accepts-wrong-password', 'cs')).to.equal(undefined);
    expect(findDefect('nope')).to.equal(undefined);
  });

  it('parses a comma-separated list into validated names', () => {
    expect(parseDefects('boot-without-interval, heartbeat-wrong-time,,boot-without-interval', 'csms', '2.0.1')).to.deep.equal(['boot-without-interval', 'heartbeat-wrong-time']);
    expect(parseDefects(['ignores-trigger', 'reset-wrong-type,transaction-id-zero'], 'csms', '1.6')).to.deep.equal(['ignores-trigger', 'reset-wrong-type', 'transaction-id-zero']);
    expect(parseDefects(undefined, 'csms', '1.6')).to.deep.equal([]);
  });

  it('an unknown name suggests the close ones and points at `sim defects`', () => {
    const err = usageError(() => parseDefects('boot-without-intervall', 'csms', '2.0.1'));
    expect(err.message).to.equal('unknown defect "boot-without-intervall" — did you mean "boot-without-interval"?');
    expect(err.hint).to.contain('ocpp-conform sim defects');
  });

  it('names the other simulator and the other version', () => {
    const station = stationDefects[0];
    expect(station).to.exist;
    expect(usageError(() => parseDefects(station?.name ?? '', 'csms', '2.0.1')).message).to.contain('belongs to the station simulator');
    expect(usageError(() => parseDefects('transaction-id-zero', 'csms', '2.0.1')).message).to.equal('defect "transaction-id-zero" exists for OCPP 1.6, not 2.0.1');
  });
});
