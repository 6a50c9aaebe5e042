/**
 * The simulators' own PICS (src/sim/pics.ts) and the demo's hardware variants (src/cli/demo-variants.ts):
 * every PICS item a case condition names has an answer from the simulator it runs against, so no
 * case silently drops out of the demo; every variant changes answers the simulator gives; and
 * every case of the catalogue applies to the default simulator or to exactly one planned variant.
 */
import { expect } from 'chai';
import { loadTestCases } from '../../src/catalogue/loader.js';
import { planVariants, variantWords } from '../../src/cli/demo-variants.js';
import { itemsOf } from '../../src/engine/pics-condition.js';
import { applicabilityOf } from '../../src/engine/runner.js';
import type { OcppVersion, Role } from '../../src/protocol/versions.js';
import { hardwareVariants, simulatorPics } from '../../src/sim/pics.js';

const cases = await loadTestCases();
const combos: Array<{ version: OcppVersion; sut: Role }> = [
  { version: '1.6', sut: 'cs' },
  { version: '1.6', sut: 'csms' },
  { version: '2.0.1', sut: 'cs' },
  { version: '2.0.1', sut: 'csms' },
];

describe('simulator PICS and hardware variants', () => {
  it('every PICS item a case condition names is answered by the simulator of its side and version', () => {
    const missing = cases.flatMap((tc) => itemsOf(tc.applies).filter((item) => !(item in simulatorPics(tc.sut, tc.version))).map((item) => `${tc.id}: ${item}`));
    expect(missing).to.deep.equal([]);
  });

  it('every hardware variant changes answers its simulator gives (and only those)', () => {
    for (const { version, sut } of combos) {
      const base = simulatorPics(sut, version);
      for (const variant of hardwareVariants(sut, version)) {
        // A variant of both versions names items of both; each item is one of some version's, and changes it there.
        const mine = Object.entries(variant.pics ?? {}).filter(([item]) => item in base);
        expect(mine.length, `${variant.name} changes nothing in ${version}`).to.be.greaterThan(0);
        for (const [item, value] of mine) expect(base[item], `${variant.name} changes ${item}`).to.not.deep.equal(value);
        for (const item of Object.keys(variant.pics ?? {})) expect(variant.versions.some((v) => item in simulatorPics(sut, v)), `${variant.name}: ${item} is no item of its versions`).to.equal(true);
        expect(simulatorPics(sut, version, [variant.name])).to.include(Object.fromEntries(mine));
      }
    }
  });

  it('a variant switched on moves its cases to the default run, and the others to theirs', () => {
    const group = cases.filter((tc) => tc.version === '1.6' && tc.sut === 'cs');
    const plain = planVariants(group, 'cs', '1.6', []);
    expect(plain.variants.find((v) => v.quirk === 'fixed-cable')?.ids).to.include.members(['TC_017_2_CS', 'TC_018_2_CS']);
    expect(plain.base).to.include('TC_017_1_CS').and.not.include('TC_017_2_CS');
    const fixed = planVariants(group, 'cs', '1.6', ['fixed-cable']);
    expect(fixed.base).to.include('TC_017_2_CS');
    expect(fixed.variants.map((v) => v.quirk)).to.not.include('fixed-cable');
    expect(variantWords('cs', '1.6', 'fixed-cable')).to.include('HW-FixedCable = true');
  });

  it('every case of the catalogue applies to the default simulator or to one of its variants', () => {
    const orphans: string[] = [];
    for (const { version, sut } of combos) {
      const group = cases.filter((tc) => tc.version === version && tc.sut === sut);
      const plan = planVariants(group, sut, version, []);
      const planned = new Set(plan.variants.flatMap((v) => v.ids));
      for (const id of plan.base) {
        const tc = group.find((c) => c.id === id)!;
        if (!applicabilityOf(tc, { items: simulatorPics(sut, version), claimAll: true }).applies && !planned.has(id)) orphans.push(`${id} (${version} ${sut})`);
      }
    }
    expect(orphans).to.deep.equal([]);
  });
});
